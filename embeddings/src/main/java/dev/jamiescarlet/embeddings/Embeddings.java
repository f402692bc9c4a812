package dev.jamiescarlet.embeddings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Opens the bot's embedding model from its configuration ({@code JAMIE_EMBEDDING_MODEL_PATH},
 * {@code JAMIE_EMBEDDING_QUANTIZED}), with DJL's telemetry off and its cache under the data dir.
 */
public final class Embeddings {
  /** How long a caller waits for a model that is still loading. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);

  private Embeddings() {}

  /**
   * Starts loading in the background and returns at once. A configured directory that is missing or
   * incomplete fails here, at start; a model that cannot load fails each caller.
   *
   * @param configuredPath {@code JAMIE_EMBEDDING_MODEL_PATH}: blank for the bundled
   *     all-MiniLM-L6-v2, a sentence-transformers ONNX directory, or a {@code djl://} URL
   * @param quantized {@code JAMIE_EMBEDDING_QUANTIZED}: the int8 model (faster, cosine ≈ 0.99 to
   *     fp32)
   * @param cacheDir a writable directory under the data dir, for the unpacked model and DJL
   */
  public static LazyEmbeddingModel open(String configuredPath, boolean quantized, Path cacheDir) {
    prepare(configuredPath, cacheDir);
    if (isDirectory(configuredPath)) {
      // bad configuration fails at start, with the fix
      ModelLocation.directory(Path.of(configuredPath.strip()), quantized);
    }
    String name = describe(configuredPath, quantized);
    return LazyEmbeddingModel.startLoading(
        name, () -> load(configuredPath, quantized, cacheDir), DEFAULT_MAX_WAIT);
  }

  /** Loads now, on this thread; for tools and benchmarks. */
  public static JamieEmbeddingModel load(String configuredPath, boolean quantized, Path cacheDir) {
    prepare(configuredPath, cacheDir);
    ModelLocation location = ModelLocation.resolve(configuredPath, quantized, cacheDir);
    int workers = defaultWorkers(Runtime.getRuntime().availableProcessors());
    // one worker per core, each model call on its own core: no thread pool hand-offs inside ORT
    int threadsPerCall = Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    return new JamieEmbeddingModel(
        SentenceEncoder.load(location, workers, threadsPerCall),
        JamieEmbeddingModel.DEFAULT_MAX_BATCH,
        workers);
  }

  /** Batcher workers for this many cores: one each, at most four. */
  static int defaultWorkers(int cores) {
    return Math.max(1, Math.min(4, cores));
  }

  private static void prepare(String configuredPath, Path cacheDir) {
    // before any DJL class loads: DJL's engine calls home from its static initialiser
    DjlSetup.quiet(configuredPath != null && configuredPath.startsWith("djl://"));
    DjlSetup.cacheDir(cacheDir.resolve("djl"));
  }

  private static boolean isDirectory(String configuredPath) {
    return configuredPath != null
        && !configuredPath.isBlank()
        && !configuredPath.startsWith("djl://");
  }

  private static String describe(String configuredPath, boolean quantized) {
    if (configuredPath == null || configuredPath.isBlank()) {
      return ModelLocation.BUNDLED + (quantized ? "-int8" : "") + " (bundled)";
    }
    return configuredPath.strip();
  }
}
