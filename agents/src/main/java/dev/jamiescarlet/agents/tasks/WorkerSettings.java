package dev.jamiescarlet.agents.tasks;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TaskWorker} leases and polls: lease length (renewed every third of it), pause
 * between empty polls, tasks run at once, and claims per task before it is FAILED.
 */
public record WorkerSettings(
    Duration lease, Duration pollInterval, int maxConcurrent, int maxAttempts) {

  public WorkerSettings {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (lease.toMillis() < 3) {
      throw new IllegalArgumentException(
          "lease "
              + lease
              + " is too short; the heartbeat renews it every third, so use seconds (default 60 s)");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, e.g. 2 s");
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** 60 s lease, 2 s poll, 4 tasks at once, 3 attempts. */
  public static WorkerSettings defaults() {
    return new WorkerSettings(Duration.ofSeconds(60), Duration.ofSeconds(2), 4, 3);
  }

  /**
   * How often a running task's lease is renewed: a third of the lease, so two beats can fail before
   * it expires.
   */
  public Duration heartbeat() {
    return lease.dividedBy(3);
  }
}
