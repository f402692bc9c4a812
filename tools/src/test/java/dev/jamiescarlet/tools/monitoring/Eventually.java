package dev.jamiescarlet.tools.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds or a deadline passes; tests wait on state, never on durations. */
public final class Eventually {
  private Eventually() {}

  /**
   * The first value of {@code read} that passes {@code done}, polling every 200 ms for up to {@code
   * within}.
   */
  public static <T> T await(String what, Duration within, Supplier<T> read, Predicate<T> done) {
    Instant deadline = Instant.now().plus(within);
    T last = null;
    RuntimeException lastError = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        last = read.get();
        if (done.test(last)) {
          return last;
        }
        lastError = null;
      } catch (RuntimeException e) {
        lastError = e;
      }
      LocalMonitoring.sleep(200);
    }
    AssertionError error =
        new AssertionError("Gave up waiting for " + what + "; last seen: " + last);
    if (lastError != null) {
      error.initCause(lastError);
    }
    throw error;
  }
}
