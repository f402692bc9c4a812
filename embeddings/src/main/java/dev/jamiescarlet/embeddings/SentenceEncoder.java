package dev.jamiescarlet.embeddings;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.translator.TextEmbeddingTranslatorFactory;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A sentence-transformers model on DJL and ONNX Runtime: mean pooling over the attention mask, L2
 * normalised, texts truncated at 256 tokens — the same as sentence-transformers.
 */
public final class SentenceEncoder implements AutoCloseable {
  /** sentence-transformers' max_seq_length for all-MiniLM-L6-v2. */
  public static final int MAX_TOKENS = 256;

  private final ZooModel<String, float[]> model;
  private final BlockingQueue<Predictor<String, float[]>> predictors;
  private final String description;
  private final int dimensions;

  private SentenceEncoder(ZooModel<String, float[]> model, int parallelism, String description) {
    this.model = model;
    this.description = description;
    this.predictors = new ArrayBlockingQueue<>(parallelism);
    for (int i = 0; i < parallelism; i++) {
      predictors.add(model.newPredictor());
    }
    this.dimensions = encode(List.of("dimensions")).get(0).length;
  }

  /** Loads the model; {@code parallelism} predictors may run at once. */
  public static SentenceEncoder load(ModelLocation location, int parallelism) {
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
    if (location.remote()) {
      criteria.optModelUrls(location.url());
    } else {
      criteria.optModelPath(location.directory());
    }
    try {
      return new SentenceEncoder(criteria.build().loadModel(), parallelism, location.description());
    } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
      throw new EmbeddingModelException(
          "Cannot load the embedding model "
              + location.description()
              + ": "
              + e.getMessage()
              + ". Check JAMIE_EMBEDDING_MODEL_PATH (a directory with model.onnx and tokenizer.json),"
              + " or unset it to use the bundled model.",
          e);
    }
  }

  /** Embeds texts in one model call; each vector has unit length. */
  public List<float[]> encode(List<String> texts) {
    Predictor<String, float[]> predictor = take();
    try {
      return predictor.batchPredict(texts);
    } catch (TranslateException e) {
      throw new EmbeddingModelException("The embedding model failed: " + e.getMessage(), e);
    } finally {
      predictors.add(predictor);
    }
  }

  /** The vector length. */
  public int dimensions() {
    return dimensions;
  }

  /** Which model this is, for logs. */
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

  @Override
  public void close() {
    predictors.forEach(Predictor::close);
    model.close();
  }
}
