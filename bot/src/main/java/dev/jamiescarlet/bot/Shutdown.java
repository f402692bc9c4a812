package dev.jamiescarlet.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops parts one by one: a part that fails to stop is logged and the next one still stops. */
final class Shutdown {
  private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

  /** One stop action that may throw. */
  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  private Shutdown() {}

  /** Runs {@code step} unless {@code part} is null (never started); failures are logged. */
  static void stop(String what, Object part, Step step) {
    if (part == null) {
      return;
    }
    try {
      step.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("stopping {}: interrupted", what);
    } catch (Exception e) {
      log.warn("stopping {}: {}", what, e.getMessage());
    }
  }
}
