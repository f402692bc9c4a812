package dev.jamiescarlet.agents.models;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a failing model: closed until {@code threshold} consecutive failures, then open for
 * {@code openFor}, then half-open with exactly one trial call whose outcome closes or re-opens.
 */
public final class CircuitBreaker {

  /** The breaker's state as a status page shows it. */
  public enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final Clock clock;
  private final int threshold;
  private final Duration openFor;
  private State state = State.CLOSED;
  private int consecutiveFailures;
  private Instant openedAt = Instant.MIN;
  private boolean trialInFlight;

  CircuitBreaker(Clock clock, int threshold, Duration openFor) {
    this.clock = clock;
    this.threshold = threshold;
    this.openFor = openFor;
  }

  /** Whether a call may go ahead now; in half-open only the first caller gets true. */
  public synchronized boolean tryAcquire() {
    if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
      state = State.HALF_OPEN;
      trialInFlight = false;
    }
    return switch (state) {
      case CLOSED -> true;
      case OPEN -> false;
      case HALF_OPEN -> {
        if (trialInFlight) {
          yield false;
        }
        trialInFlight = true;
        yield true;
      }
    };
  }

  /** Records a successful call: the breaker closes. */
  public synchronized void recordSuccess() {
    state = State.CLOSED;
    consecutiveFailures = 0;
    trialInFlight = false;
  }

  /** Records a failed call: a failed trial or the threshold-th failure in a row opens it. */
  public synchronized void recordFailure() {
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
      state = State.OPEN;
      openedAt = clock.instant();
      trialInFlight = false;
    }
  }

  /** Releases a half-open trial that ended without a verdict on the model (e.g. a bad request). */
  public synchronized void recordNeutral() {
    trialInFlight = false;
  }

  /** The current state, moving open to half-open once the open duration has passed. */
  public synchronized State state() {
    if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
      return State.HALF_OPEN;
    }
    return state;
  }

  /** Failures since the last success. */
  public synchronized int consecutiveFailures() {
    return consecutiveFailures;
  }
}
