package dev.jamiescarlet.agents.models;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A fair bound on concurrent calls to one endpoint, counting who waits and the peak in flight. */
final class EndpointLimiter {

  private final int max;
  private final Semaphore permits;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  EndpointLimiter(int max) {
    this.max = max;
    this.permits = new Semaphore(max, true);
  }

  /** Blocks for a slot; the permit says how long the wait was and must be closed after the call. */
  Permit acquire() {
    long start = System.nanoTime();
    waiting.incrementAndGet();
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a model slot", e);
    } finally {
      waiting.decrementAndGet();
    }
    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    return new Permit(this, Duration.ofNanos(System.nanoTime() - start));
  }

  /** A slot if one is free now without jumping the queue, else null. */
  Permit tryAcquire() {
    try {
      // the timed form honours fairness; the untimed tryAcquire() would barge past waiters
      if (!permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
        return null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    return new Permit(this, Duration.ZERO);
  }

  private void release() {
    inFlight.decrementAndGet();
    permits.release();
  }

  int max() {
    return max;
  }

  int inFlight() {
    return inFlight.get();
  }

  int waiting() {
    return waiting.get();
  }

  int peak() {
    return peak.get();
  }

  /** One held slot; closing it twice releases once. */
  static final class Permit implements AutoCloseable {
    private final EndpointLimiter limiter;
    private final Duration queued;
    private boolean closed;

    private Permit(EndpointLimiter limiter, Duration queued) {
      this.limiter = limiter;
      this.queued = queued;
    }

    Duration queued() {
      return queued;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        limiter.release();
      }
    }
  }
}
