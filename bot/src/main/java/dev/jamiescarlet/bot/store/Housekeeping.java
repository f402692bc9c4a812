package dev.jamiescarlet.bot.store;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic clean-up on a virtual thread (the embedded store has no TTL indexes): runs a task
 * after each period until closed; a failing run is logged and the next one still runs.
 */
public final class Housekeeping implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final Thread thread;

  private Housekeeping(Thread thread) {
    this.thread = thread;
  }

  /**
   * Starts running {@code task} every {@code period}, the first time one period from now.
   *
   * @param name the thread's name, also in the log line of a failed run
   * @param failure what a failed run could not do, e.g. "could not purge old alert data"
   */
  public static Housekeeping every(Duration period, String name, String failure, Runnable task) {
    return new Housekeeping(
        Thread.ofVirtual()
            .name(name)
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      Thread.sleep(period.toMillis());
                      task.run();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                      log.warn("{}: {}: {}", name, failure, e.getMessage());
                    }
                  }
                }));
  }

  /** Stops after the current run, if one is running. */
  @Override
  public void close() {
    thread.interrupt();
  }
}
