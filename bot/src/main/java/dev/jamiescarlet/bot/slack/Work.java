package dev.jamiescarlet.bot.slack;

import io.opentelemetry.context.Context;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs work after the ack, on virtual threads, carrying the request's log context and logging
 * anything that escapes.
 */
public final class Work implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Work.class);
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * Runs a task later with the caller's MDC and trace context (its spans join the caller's trace).
   */
  public void submit(Runnable task) {
    Map<String, String> mdc = MDC.getCopyOfContextMap();
    Runnable traced = Context.current().wrap(task);
    executor.execute(
        () -> {
          if (mdc != null) {
            MDC.setContextMap(mdc);
          }
          try {
            traced.run();
          } catch (RuntimeException e) {
            log.error("background work failed", e);
          } finally {
            MDC.clear();
          }
        });
  }

  /** Waits briefly for running work, then stops. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }
}
