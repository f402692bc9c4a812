package dev.jamiescarlet.bot.memory;

import com.mongodb.client.MongoDatabase;
import dev.jamiescarlet.bot.config.MemoryConfig;
import dev.jamiescarlet.embeddings.EmbeddingModelException;
import dev.jamiescarlet.embeddings.Embeddings;
import dev.jamiescarlet.embeddings.LazyEmbeddingModel;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.routing.IntentRouter;
import dev.jamiescarlet.embeddings.runbooks.RunbookFiles;
import dev.jamiescarlet.embeddings.runbooks.RunbookIngester;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's long-term memory: the embedding model (loaded in the background so start-up does not
 * wait), the vector store, runbooks kept in step with their files, and expired notes purged (the
 * embedded store has no TTL).
 */
public final class MemoryServices implements AutoCloseable {
  /** Where the shipped runbooks live on the class path. */
  public static final String SHIPPED_RUNBOOKS = "runbooks";

  private static final Logger log = LoggerFactory.getLogger(MemoryServices.class);
  private static final long RESCAN_SECONDS = 60;

  // one model per JVM and configuration: it is ~100 MB and read-only, and tests start many bots
  private static final Map<String, LazyEmbeddingModel> MODELS = new ConcurrentHashMap<>();

  private final MemoryConfig config;
  private final LazyEmbeddingModel model;
  private final CompletableFuture<MemoryStore> store;
  private final ScheduledExecutorService upkeep;
  private final RunbookIndexing runbooks = new RunbookIndexing();
  private volatile IntentRouter router;

  private MemoryServices(
      MemoryConfig config, LazyEmbeddingModel model, CompletableFuture<MemoryStore> store) {
    this.config = config;
    this.model = model;
    this.store = store;
    this.upkeep =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("memory-upkeep").unstarted(r));
  }

  /**
   * Opens the store and starts loading the model; runbooks are ingested once it is ready, then
   * re-read every minute. Returns null when memory is switched off.
   */
  public static MemoryServices start(MemoryConfig config, MongoDatabase database, Clock clock) {
    return start(config, database, clock, new CompositeMeterRegistry());
  }

  /** As above, with the store's search timer and size gauges in {@code meters}. */
  public static MemoryServices start(
      MemoryConfig config, MongoDatabase database, Clock clock, MeterRegistry meters) {
    if (!config.enabled()) {
      log.info("memory: off (JAMIE_MEMORY=false); runbook, remember and plain English are off");
      return null;
    }
    LazyEmbeddingModel model = sharedModel(config);
    // opening the store needs the model's dimension: both happen off the start-up path
    CompletableFuture<MemoryStore> store =
        CompletableFuture.supplyAsync(
            () -> MemoryStore.open(database, model, clock, meters),
            r -> Thread.ofPlatform().daemon().name("memory-open").start(r));
    MemoryServices services = new MemoryServices(config, model, store);
    services.upkeep.scheduleWithFixedDelay(services::upkeep, 0, RESCAN_SECONDS, TimeUnit.SECONDS);
    return services;
  }

  /**
   * The model for this configuration, loaded once per JVM; a failed load is not kept, so the next
   * start tries again. The bundled model unpacks into the temp directory: it is a cache, not data
   * (the demo's data directory is deleted when it stops, maybe while another bot still loads).
   */
  static LazyEmbeddingModel sharedModel(MemoryConfig config) {
    String key = (config.modelPath() == null ? "" : config.modelPath()) + "|" + config.quantized();
    Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "jamie-models");
    return MODELS.compute(
        key,
        (k, existing) ->
            existing != null && existing.failure().isEmpty()
                ? existing
                : Embeddings.open(config.modelPath(), config.quantized(), cacheDir));
  }

  /**
   * The vector store behind runbooks and notes, waiting (as long as the model may) while it opens;
   * an {@link EmbeddingModelException} says why when it cannot.
   */
  public MemoryStore store() {
    try {
      return store.get(Embeddings.DEFAULT_MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new EmbeddingModelException(
          "The memory store is still loading after "
              + Embeddings.DEFAULT_MAX_WAIT.toSeconds()
              + " s; try again shortly.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddingModelException("Interrupted while the memory store opened", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof EmbeddingModelException m
          ? new EmbeddingModelException(m.getMessage(), m)
          : new EmbeddingModelException(
              "The memory store could not open: " + cause.getMessage(), cause);
    }
  }

  /** The embedding model, loading or loaded. */
  public LazyEmbeddingModel model() {
    return model;
  }

  /** Plain English through the intent router, once the model has loaded. */
  public RoutedEnglish plainEnglish() {
    return new RoutedEnglish(() -> router);
  }

  /** The intent router, or null while the model loads. */
  public IntentRouter router() {
    return router;
  }

  /** How far the first runbook indexing has got; {@code runbook} waits for it or says so. */
  public RunbookIndexing runbooks() {
    return runbooks;
  }

  /** Ingests changed runbooks and purges expired notes now; what the minute's upkeep does. */
  public RunbookIngester.Report syncNow() {
    Map<String, String> files = runbookFiles();
    MemoryStore opened = store();
    RunbookIngester.Report report = new RunbookIngester(opened).sync(files, runbooks::progressed);
    runbooks.finished();
    int purged = opened.purgeExpired();
    if (purged > 0) {
      log.info("memory: purged {} expired note(s)", purged);
    }
    return report;
  }

  private Map<String, String> runbookFiles() {
    Map<String, String> files =
        config.runbooksDir() == null
            ? RunbookFiles.readClassPath(SHIPPED_RUNBOOKS)
            : RunbookFiles.read(config.runbooksDir());
    runbooks.found(files.size());
    return files;
  }

  private void upkeep() {
    try {
      if (!runbooks.indexed()) {
        runbookFiles(); // counted before the model loads, so a question can say "0 of 14"
      }
      model.awaitReady();
      if (router == null) {
        router = new IntentRouter(model);
        log.info("plain English: intent router ready ({} intents)", router.intents().size());
      }
      syncNow();
    } catch (RuntimeException e) {
      // the next run retries; the log names what to fix
      log.warn("memory upkeep failed, retrying in {} s: {}", RESCAN_SECONDS, e.getMessage());
    }
  }

  @Override
  public void close() {
    upkeep.shutdownNow();
    try {
      upkeep.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.thenAccept(MemoryStore::close);
  }
}
