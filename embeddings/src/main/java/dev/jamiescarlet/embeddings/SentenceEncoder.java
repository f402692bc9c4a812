package dev.jamiescarlet.embeddings;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.translator.TextEmbeddingTranslatorFactory;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A sentence-transformers model on DJL and ONNX Runtime: mean pooling over the attention mask, L2
 * normalised, texts truncated at 256 tokens — the same as sentence-transformers.
 */
public final class SentenceEncoder implements BatchEncoder {
  /** sentence-transformers' max_seq_length for all-MiniLM-L6-v2. */
  public static final int MAX_TOKENS = 256;

  private final ZooModel<String, float[]> model;
  private final HuggingFaceTokenizer counter;
  private final BlockingQueue<Predictor<String, float[]>> predictors;
  private final String description;
  private final int dimensions;

  private SentenceEncoder(ZooModel<String, float[]> model, int parallelism, String description)
      throws IOException {
    this.model = model;
    this.description = description;
    // the tokenizer.json files of MiniLM say 128; sentence-transformers overrides that with 256
    this.counter =
        HuggingFaceTokenizer.newInstance(
            model.getModelPath(),
            Map.of(
                "maxLength",
                Integer.toString(MAX_TOKENS),
                "truncation",
                "true",
                "padding",
                "false"));
    this.predictors = new ArrayBlockingQueue<>(parallelism);
    for (int i = 0; i < parallelism; i++) {
      predictors.add(model.newPredictor());
    }
    this.dimensions = encode(List.of("dimensions")).get(0).length;
  }

  /** Loads the model; {@code parallelism} predictors may run at once, ONNX Runtime's threads. */
  public static SentenceEncoder load(ModelLocation location, int parallelism) {
    return load(location, parallelism, 0);
  }

  /**
   * Loads the model; {@code parallelism} predictors may run at once, each model call on {@code
   * threadsPerCall} threads (0: ONNX Runtime's default, one per core).
   */
  public static SentenceEncoder load(ModelLocation location, int parallelism, int threadsPerCall) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    if (threadsPerCall < 0) {
      throw new IllegalArgumentException("threadsPerCall must be 0 or more, was " + threadsPerCall);
    }
    DjlSetup.quiet(location.remote());
    Criteria.Builder<String, float[]> criteria =
        Criteria.builder()
            .setTypes(String.class, float[].class)
            .optEngine("OnnxRuntime")
            .optTranslatorFactory(new TextEmbeddingTranslatorFactory())
            .optArgument("pooling", "mean")
            .optArgument("normalize", "true")
            // MiniLM's ONNX graph takes token_type_ids as a third input
            .optArgument("includeTokenTypes", "true")
            .optArgument("truncation", "true")
            .optArgument("maxLength", Integer.toString(MAX_TOKENS))
            .optArgument("padding", "longest");
    if (threadsPerCall > 0) {
      // DJL hands these to ONNX Runtime's SessionOptions (OrtModel.getSessionOptions)
      criteria
          .optOption("intraOpNumThreads", Integer.toString(threadsPerCall))
          .optOption("interOpNumThreads", "1");
    }
    if (location.remote()) {
      criteria.optModelUrls(location.url());
    } else {
      criteria.optModelPath(location.directory());
      if (location.modelName() != null) {
        criteria.optModelName(location.modelName());
      }
    }
    ZooModel<String, float[]> model = null;
    try {
      model = criteria.build().loadModel();
      return new SentenceEncoder(model, parallelism, location.description());
    } catch (MalformedModelException e) {
      close(model);
      throw new EmbeddingModelException(
          "ONNX Runtime cannot load the embedding model "
              + location.description()
              + " ("
              + rootMessage(e)
              + "): the .onnx file is corrupt, truncated or not an ONNX model. "
              + ModelLocation.DIRECTORY_FIX,
          e);
    } catch (ModelNotFoundException | IOException | RuntimeException e) {
      close(model);
      throw new EmbeddingModelException(
          "Cannot load the embedding model "
              + location.description()
              + " ("
              + rootMessage(e)
              + "). "
              + ModelLocation.DIRECTORY_FIX,
          e);
    }
  }

  /** Embeds texts in one model call; each vector has unit length. */
  @Override
  public List<float[]> encode(List<String> texts) {
    Predictor<String, float[]> predictor = take();
    try {
      return predictor.batchPredict(texts);
    } catch (TranslateException | RuntimeException e) {
      throw new EmbeddingModelException(
          "The embedding model "
              + description
              + " failed ("
              + rootMessage(e)
              + "). If the model files were replaced, restart the bot; if it keeps failing, "
              + ModelLocation.DIRECTORY_FIX,
          e);
    } finally {
      predictors.add(predictor);
    }
  }

  /** Tokens per text as the model sees them: truncated at 256, [CLS] and [SEP] included. */
  @Override
  public int[] tokenCounts(List<String> texts) {
    Encoding[] encodings = counter.batchEncode(texts);
    int[] counts = new int[encodings.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = encodings[i].getIds().length;
    }
    return counts;
  }

  /** The vector length. */
  @Override
  public int dimensions() {
    return dimensions;
  }

  /** Which model this is, for logs. */
  @Override
  public String description() {
    return description;
  }

  private Predictor<String, float[]> take() {
    try {
      return predictors.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingModelException("Interrupted while waiting for the embedding model", e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
  }

  private static void close(ZooModel<?, ?> model) {
    if (model != null) {
      model.close();
    }
  }

  @Override
  public void close() {
    predictors.forEach(Predictor::close);
    counter.close();
    model.close();
  }
}
