import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * LangChain4j's in-process all-MiniLM-L6-v2 (its own DJL tokenizer + ONNX Runtime), as its docs
 * use it: embed(text) for batch 1, embedAll(32 segments) for batch 32. Prints "RESULT" lines.
 */
public final class Lc4jEmbeddingsBench {
  public static void main(String[] args) throws Exception {
    List<String> texts = Files.readAllLines(Path.of(args[0]));
    int rounds = Integer.parseInt(args.length > 1 ? args[1] : "3");
    run("lc4j-fp32", new AllMiniLmL6V2EmbeddingModel(), texts, rounds);
    run("lc4j-int8", new AllMiniLmL6V2QuantizedEmbeddingModel(), texts, rounds);
  }

  static void run(String name, EmbeddingModel model, List<String> texts, int rounds) {
    List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
    measure(name, "1", texts, rounds, t -> t.forEach(model::embed));
    measure(
        name,
        "32",
        texts,
        rounds,
        t -> {
          for (int i = 0; i < segments.size(); i += 32) {
            model.embedAll(segments.subList(i, Math.min(segments.size(), i + 32)));
          }
        });
  }

  static void measure(
      String name, String batch, List<String> texts, int rounds, Consumer<List<String>> run) {
    run.accept(texts.subList(0, 64)); // warm-up: sessions, allocators, JIT
    double[] rates = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      run.accept(texts);
      rates[r] = texts.size() / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    System.out.printf("RESULT %s %s %.1f%n", name, batch, rates[rounds / 2]);
  }
}
