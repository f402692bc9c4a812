package dev.jamiescarlet.bot.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Time and delayed work for the {@link SlackOutbox}; tests substitute a manual one. */
public interface OutboxScheduler extends AutoCloseable {

  /** Now. */
  Instant now();

  /** Runs {@code task} after {@code delay}, one task at a time. */
  void schedule(Duration delay, Runnable task);

  @Override
  default void close() {}

  /** One platform thread on {@code clock}. */
  static OutboxScheduler threaded(Clock clock) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("alert-outbox").unstarted(r));
    return new OutboxScheduler() {
      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public void schedule(Duration delay, Runnable task) {
        if (!executor.isShutdown()) {
          executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
      }

      @Override
      public void close() {
        executor.shutdownNow();
      }
    };
  }
}
