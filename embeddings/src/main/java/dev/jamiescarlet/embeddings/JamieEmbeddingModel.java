package dev.jamiescarlet.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * A LangChain4j {@link EmbeddingModel} over a {@link SentenceEncoder} that micro-batches concurrent
 * callers: their texts share model calls of up to {@value #DEFAULT_MAX_BATCH}, grouped by length.
 */
public final class JamieEmbeddingModel implements EmbeddingModel, AutoCloseable {
  /** Texts per model call; past this, MiniLM on a CPU gains little throughput. */
  public static final int DEFAULT_MAX_BATCH = 32;

  private final BatchEncoder encoder;
  private final MicroBatcher batcher;

  /** Takes ownership of {@code encoder}: closing this model closes it. */
  public JamieEmbeddingModel(SentenceEncoder encoder) {
    this(encoder, DEFAULT_MAX_BATCH);
  }

  JamieEmbeddingModel(BatchEncoder encoder, int maxBatch) {
    this(encoder, maxBatch, 1);
  }

  /** {@code workers} threads run batches at once; the encoder needs that many predictors. */
  JamieEmbeddingModel(BatchEncoder encoder, int maxBatch, int workers) {
    this.encoder = encoder;
    this.batcher = new MicroBatcher(encoder, maxBatch, workers);
  }

  /** Embeds the segments' texts; waits while other callers' batches run. */
  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    MicroBatcher.Request request =
        batcher.submit(segments.stream().map(TextSegment::text).toList());
    List<float[]> vectors = await(request);
    return Response.from(
        vectors.stream().map(Embedding::from).toList(), new TokenUsage(request.tokens));
  }

  /** Plain vectors for callers that do not want LangChain4j types. */
  public List<float[]> embedTexts(List<String> texts) {
    return await(batcher.submit(texts));
  }

  @Override
  public int dimension() {
    return encoder.dimensions();
  }

  @Override
  public String modelName() {
    return encoder.description();
  }

  private static List<float[]> await(MicroBatcher.Request request) {
    try {
      return request.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingModelException("Interrupted while waiting for embeddings", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof EmbeddingModelException m) {
        // a fresh exception, so the caller's own stack shows where it waited
        throw new EmbeddingModelException(m.getMessage(), m);
      }
      throw new EmbeddingModelException("Embedding failed: " + e.getCause(), e.getCause());
    } catch (CancellationException e) {
      throw new EmbeddingModelException("Embedding was cancelled", e);
    }
  }

  /** Finishes queued texts, then frees the model. */
  @Override
  public void close() {
    // freeing native memory under a running inference would crash the JVM; leak it instead
    if (batcher.stop()) {
      encoder.close();
    }
  }
}
