import dev.jamiescarlet.embeddings.DjlSetup;
import dev.jamiescarlet.embeddings.Embeddings;
import dev.jamiescarlet.embeddings.JamieEmbeddingModel;
import dev.jamiescarlet.embeddings.ModelLocation;
import dev.jamiescarlet.embeddings.SentenceEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Jamie's side of bench/embeddings.sh: embeddings per second over sentences.txt with DJL fp32 and
 * int8 at batch 1 and 32, and through the micro-batching model with 32 concurrent callers.
 * Prints "RESULT name batch rate" and "QUALITY ..." lines; a program, not a test.
 */
public final class JamieEmbeddingsBench {
  static int rounds;

  public static void main(String[] args) throws Exception {
    List<String> texts = Files.readAllLines(Path.of(args[0]));
    Path cache = Path.of(args[1]);
    rounds = Integer.parseInt(args.length > 2 ? args[2] : "3");
    DjlSetup.quiet(false);
    DjlSetup.cacheDir(cache.resolve("djl"));
    List<float[]> fp32Vectors;
    try (SentenceEncoder fp32 = SentenceEncoder.load(ModelLocation.resolve(null, false, cache), 1)) {
      direct("djl-fp32", fp32, texts);
      fp32Vectors = encodeAll(fp32, texts, 32);
    }
    try (SentenceEncoder int8 = SentenceEncoder.load(ModelLocation.resolve(null, true, cache), 1)) {
      direct("djl-int8", int8, texts);
      report("int8 vs fp32, batch 32", fp32Vectors, encodeAll(int8, texts, 32));
      report("int8 vs fp32, batch 1", fp32Vectors, encodeAll(int8, texts, 1));
    }
    for (boolean quantized : new boolean[] {false, true}) {
      try (JamieEmbeddingModel model = Embeddings.load(null, quantized, cache)) {
        String name = quantized ? "jamie-model-int8" : "jamie-model-fp32";
        // one caller handing over 32 texts at a time: the model sorts and cuts them by length
        measure(name, "32", texts, t -> inChunks(model, t, 32));
        measure(name, "32 callers", texts, t -> concurrently(model, t, 32));
        if (!quantized) {
          report("micro-batched fp32 vs batch-32 fp32", fp32Vectors, concurrently(model, texts, 32));
        }
      }
      // the pre-2026-11-21 set-up for comparison: one batcher worker, ONNX Runtime's own threads
      ModelLocation location = ModelLocation.resolve(null, quantized, cache);
      try (JamieEmbeddingModel model = new JamieEmbeddingModel(SentenceEncoder.load(location, 1))) {
        String name = quantized ? "jamie-1worker-int8" : "jamie-1worker-fp32";
        measure(name, "32", texts, t -> inChunks(model, t, 32));
        measure(name, "32 callers", texts, t -> concurrently(model, t, 32));
      }
    }
  }

  static void direct(String name, SentenceEncoder encoder, List<String> texts) {
    measure(name, "1", texts, t -> encodeAll(encoder, t, 1));
    measure(name, "32", texts, t -> encodeAll(encoder, t, 32));
  }

  static List<float[]> encodeAll(SentenceEncoder encoder, List<String> texts, int batch) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i += batch) {
      out.addAll(encoder.encode(texts.subList(i, Math.min(texts.size(), i + batch))));
    }
    return out;
  }

  static List<float[]> inChunks(JamieEmbeddingModel model, List<String> texts, int batch) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i += batch) {
      out.addAll(model.embedTexts(texts.subList(i, Math.min(texts.size(), i + batch))));
    }
    return out;
  }

  /** Each caller takes the next sentence and embeds it alone, as chat handlers would. */
  static List<float[]> concurrently(JamieEmbeddingModel model, List<String> texts, int callers) {
    float[][] out = new float[texts.size()][];
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < texts.size(); ) {
                    out[i] = model.embedTexts(List.of(texts.get(i))).get(0);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Arrays.asList(out);
  }

  static void measure(String name, String batch, List<String> texts, Consumer<List<String>> run) {
    run.accept(texts.subList(0, 64)); // warm-up: sessions, allocators, JIT
    double[] rates = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      run.accept(texts);
      rates[r] = texts.size() / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    System.out.printf("RESULT %s %s %.1f%n", name, batch.replace(' ', '_'), rates[rounds / 2]);
  }

  static void report(String what, List<float[]> reference, List<float[]> other) {
    double min = 1;
    double sum = 0;
    for (int i = 0; i < reference.size(); i++) {
      double c = cosine(reference.get(i), other.get(i));
      min = Math.min(min, c);
      sum += c;
    }
    System.out.printf(
        "QUALITY %s: mean cosine %.4f, min %.4f%n", what, sum / reference.size(), min);
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
