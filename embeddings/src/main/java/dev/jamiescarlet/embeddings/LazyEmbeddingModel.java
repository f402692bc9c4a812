package dev.jamiescarlet.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedding model that loads on a background thread, so the bot starts without waiting for it;
 * callers before it is ready wait up to a bound, and a load failure reaches every caller.
 */
public final class LazyEmbeddingModel implements EmbeddingModel, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LazyEmbeddingModel.class);

  private final String name;
  private final Duration maxWait;
  private final CompletableFuture<JamieEmbeddingModel> loading = new CompletableFuture<>();
  private volatile boolean closed;

  private LazyEmbeddingModel(String name, Duration maxWait) {
    this.name = name;
    this.maxWait = maxWait;
  }

  /**
   * Starts {@code loader} on a daemon thread and returns at once; callers wait at most {@code
   * maxWait} for it. A failure is logged here once and thrown to every caller.
   */
  public static LazyEmbeddingModel startLoading(
      String name, Supplier<JamieEmbeddingModel> loader, Duration maxWait) {
    LazyEmbeddingModel lazy = new LazyEmbeddingModel(name, maxWait);
    Thread.ofPlatform().daemon().name("jamie-embeddings-loader").start(() -> lazy.load(loader));
    return lazy;
  }

  private void load(Supplier<JamieEmbeddingModel> loader) {
    long start = System.nanoTime();
    try {
      JamieEmbeddingModel model = loader.get();
      synchronized (this) {
        if (closed) {
          // closed while loading: nobody will use it
          model.close();
          loading.completeExceptionally(closedError());
          return;
        }
        loading.complete(model);
      }
      log.info(
          "Embedding model {} ready in {} ms",
          model.modelName(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (RuntimeException | LinkageError e) {
      EmbeddingModelException failure =
          e instanceof EmbeddingModelException m
              ? m
              : new EmbeddingModelException(
                  "Cannot load the embedding model "
                      + name
                      + " ("
                      + e
                      + "). "
                      + ModelLocation.DIRECTORY_FIX,
                  e);
      log.error("{}", failure.getMessage(), failure);
      loading.completeExceptionally(failure);
    }
  }

  /** True once the model has loaded and can embed without waiting. */
  public boolean isReady() {
    return loading.isDone() && !loading.isCompletedExceptionally();
  }

  /** The load failure, once there is one. */
  public Optional<EmbeddingModelException> failure() {
    if (!loading.isCompletedExceptionally()) {
      return Optional.empty();
    }
    try {
      loading.join();
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(asModelError(e.getCause() == null ? e : e.getCause()));
    }
  }

  /** The loaded model, waiting at most the bound given at start. */
  public JamieEmbeddingModel awaitReady() {
    if (closed) {
      throw closedError();
    }
    try {
      return loading.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new EmbeddingModelException(
          "The embedding model "
              + name
              + " is still loading after "
              + maxWait.toSeconds()
              + " s; try again shortly. If it never finishes, check the bot's log for the load"
              + " and the CPU and memory limits of its pod.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingModelException("Interrupted while waiting for the embedding model", e);
    } catch (ExecutionException e) {
      EmbeddingModelException cause = asModelError(e.getCause());
      // a fresh exception per caller, carrying the fix from the one failure
      throw new EmbeddingModelException(cause.getMessage(), cause);
    }
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    return awaitReady().embedAll(segments);
  }

  /** Plain vectors for callers that do not want LangChain4j types. */
  public List<float[]> embedTexts(List<String> texts) {
    return awaitReady().embedTexts(texts);
  }

  @Override
  public int dimension() {
    return awaitReady().dimension();
  }

  @Override
  public String modelName() {
    return name;
  }

  private static EmbeddingModelException asModelError(Throwable e) {
    return e instanceof EmbeddingModelException m
        ? m
        : new EmbeddingModelException("Embedding model failed: " + e, e);
  }

  private EmbeddingModelException closedError() {
    return new EmbeddingModelException(
        "The embedding model " + name + " is closed; the bot is shutting down");
  }

  /** Closes the model, now if loaded, or as soon as its load finishes. */
  @Override
  public void close() {
    JamieEmbeddingModel loaded = null;
    // with load(): either it sees closed and closes the model itself, or we see it loaded
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (loading.isDone() && !loading.isCompletedExceptionally()) {
        loaded = loading.join();
      }
    }
    if (loaded != null) {
      loaded.close();
    }
  }
}
