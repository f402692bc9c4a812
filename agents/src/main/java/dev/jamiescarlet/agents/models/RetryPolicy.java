package dev.jamiescarlet.agents.models;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed model call is sent again: only transient failures (5xx, 429, a refused or reset
 * connection, a timeout, a stream cut mid-answer), at most {@code attempts} times, after an
 * exponential backoff with jitter that honours the endpoint's Retry-After, and never past the
 * caller's deadline (without one, past one model timeout from the first attempt).
 */
public final class RetryPolicy {

  /** Attempts per model call, the first included. */
  public static final int DEFAULT_ATTEMPTS = 3;

  /** The first backoff; each later one doubles, up to {@link #DEFAULT_CAP}. */
  public static final Duration DEFAULT_BASE = Duration.ofMillis(500);

  /** The longest backoff of our own (a Retry-After may ask for more, within the deadline). */
  public static final Duration DEFAULT_CAP = Duration.ofSeconds(8);

  // SecureRandom only to keep the security linters quiet; jitter needs no secrecy, and it is rare
  private static final SecureRandom JITTER = new SecureRandom();

  /** How the policy waits between attempts; tests record the waits instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** The verdict on one failed attempt. */
  sealed interface Verdict {}

  /** Send again after {@code delay}; {@code reason} is the failure's class for metrics. */
  record Retry(Duration delay, String reason) implements Verdict {}

  /** Do not send again; {@code why} is for the log, null when the failure is not transient. */
  record GiveUp(String why) implements Verdict {}

  private final int attempts;
  private final Duration base;
  private final Duration cap;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final Clock clock;
  private final Instant deadline;

  private RetryPolicy(
      int attempts,
      Duration base,
      Duration cap,
      Sleeper sleeper,
      DoubleSupplier jitter,
      Clock clock,
      Instant deadline) {
    this.attempts = attempts;
    this.base = base;
    this.cap = cap;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.clock = clock;
    this.deadline = deadline;
  }

  /** 3 attempts, 0.5 s then 1 s (each times 0.5 to 1 at random), capped at 8 s, sleeping. */
  public static RetryPolicy standard() {
    return new RetryPolicy(
        DEFAULT_ATTEMPTS,
        DEFAULT_BASE,
        DEFAULT_CAP,
        duration -> Thread.sleep(duration),
        JITTER::nextDouble,
        Clock.systemUTC(),
        null);
  }

  /** One attempt per call: every failure goes straight to the fallbacks. */
  public static RetryPolicy none() {
    return standard().withAttempts(1);
  }

  /** The same policy with at most {@code n} attempts per call (at least 1). */
  public RetryPolicy withAttempts(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + n);
    }
    return new RetryPolicy(n, base, cap, sleeper, jitter, clock, deadline);
  }

  /** The same policy waiting through {@code s}, e.g. a recorder in tests. */
  public RetryPolicy withSleeper(Sleeper s) {
    return new RetryPolicy(attempts, base, cap, s, jitter, clock, deadline);
  }

  /**
   * The same policy never waiting past {@code until} as read on {@code c}: an agent's wall time.
   */
  public RetryPolicy until(Instant until, Clock c) {
    return new RetryPolicy(attempts, base, cap, sleeper, jitter, c, until);
  }

  /** Attempts per call. */
  public int attempts() {
    return attempts;
  }

  Instant now() {
    return clock.instant();
  }

  void sleep(Duration delay) throws InterruptedException {
    if (!delay.isZero() && !delay.isNegative()) {
      sleeper.sleep(delay);
    }
  }

  /**
   * Whether to send again after attempt {@code attempt} failed.
   *
   * @param attempt the attempt that failed, 1 for the first
   * @param failure what it threw
   * @param streamed whether output of this attempt had already reached the caller
   * @param retryAfter the endpoint's Retry-After, if it sent one
   * @param timeout the model's own timeout (a retried timeout may take that long again)
   * @param first when the first attempt started, for the budget without a deadline
   */
  Verdict after(
      int attempt,
      Throwable failure,
      boolean streamed,
      Optional<Duration> retryAfter,
      Duration timeout,
      Instant first) {
    String reason = Failures.transientReason(failure, streamed);
    if (reason == null) {
      return new GiveUp(null);
    }
    if (attempt >= attempts) {
      return new GiveUp("still failing after " + attempts + " attempts");
    }
    Instant now = clock.instant();
    Duration remaining = Duration.between(now, deadline != null ? deadline : first.plus(timeout));
    if (retryAfter.isPresent() && retryAfter.get().compareTo(remaining) > 0) {
      return new GiveUp(
          "the endpoint asks to wait "
              + retryAfter.get().toSeconds()
              + " s (Retry-After), more than the "
              + Math.max(0, remaining.toSeconds())
              + " s left of this request's time");
    }
    Duration delay = backoff(attempt);
    if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
      delay = retryAfter.get();
    }
    // a timed-out call sent again may take the whole timeout again: only if that still fits
    Duration needed = "timeout".equals(reason) ? delay.plus(timeout) : delay;
    if (needed.compareTo(remaining) > 0) {
      return new GiveUp(
          "no time left for another attempt ("
              + Math.max(0, remaining.toMillis())
              + " ms left, "
              + needed.toMillis()
              + " ms needed)");
    }
    return new Retry(delay, reason);
  }

  /** base·2^(attempt−1), capped, times a random factor in [0.5, 1) so callers spread out. */
  Duration backoff(int attempt) {
    long millis = base.toMillis() << Math.min(20, attempt - 1);
    long capped = Math.min(millis, cap.toMillis());
    return Duration.ofMillis((long) (capped * (0.5 + 0.5 * jitter.getAsDouble())));
  }
}
