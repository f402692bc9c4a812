package dev.jamiescarlet.bot.sandbox.webapi;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the sandbox's Web API can play for fault-injection tests: every call answered 500, every
 * call answered 429 with {@code Retry-After}, or every call held without an answer until {@link
 * #heal()}. Off unless a test switches one on; the demo never does.
 */
public final class WebApiFaults {
  /** A hung call is answered after this at the latest, so no server thread waits for ever. */
  static final Duration LONGEST_HANG = Duration.ofMinutes(5);

  /** What the Web API does with each call. */
  public enum Mode {
    /** Answers as Slack would. */
    NONE,
    /** HTTP 500, as during a Slack incident. */
    SERVER_ERROR,
    /** HTTP 429 {@code ratelimited} with {@code Retry-After}. */
    RATE_LIMITED,
    /** No answer until healed; then 503 without doing the call (Slack never got it). */
    HANG
  }

  private volatile Mode mode = Mode.NONE;
  private volatile int retryAfterSeconds = 1;
  private volatile CountDownLatch released = new CountDownLatch(0);
  private final AtomicInteger faulted = new AtomicInteger();

  /** Every call answers HTTP 500 until {@link #heal()}. */
  public void serverErrors() {
    mode = Mode.SERVER_ERROR;
  }

  /** Every call answers HTTP 429 with {@code Retry-After: seconds} until {@link #heal()}. */
  public void rateLimit(int seconds) {
    retryAfterSeconds = seconds;
    mode = Mode.RATE_LIMITED;
  }

  /** Every call hangs without an answer until {@link #heal()}. */
  public synchronized void hang() {
    released = new CountDownLatch(1);
    mode = Mode.HANG;
  }

  /** Back to normal; hung calls are answered 503 without having done anything. */
  public synchronized void heal() {
    mode = Mode.NONE;
    released.countDown();
  }

  /** The mode now. */
  public Mode mode() {
    return mode;
  }

  /** Calls answered with a fault so far (hung ones counted when they arrive). */
  public int faulted() {
    return faulted.get();
  }

  /** Answers {@code ctx} with the current fault and returns true, or returns false to go on. */
  boolean intercept(Context ctx) {
    Mode now = mode;
    if (now == Mode.NONE) {
      return false;
    }
    faulted.incrementAndGet();
    switch (now) {
      case SERVER_ERROR ->
          ctx.status(500).contentType("text/plain").result("Internal Server Error");
      case RATE_LIMITED ->
          ctx.status(429)
              .header("Retry-After", Integer.toString(retryAfterSeconds))
              .contentType("application/json; charset=utf-8")
              .result("{\"ok\":false,\"error\":\"ratelimited\"}");
      case HANG -> {
        CountDownLatch latch = released;
        try {
          latch.await(LONGEST_HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ctx.status(503).contentType("text/plain").result("Service Unavailable");
      }
      default -> throw new IllegalStateException("unhandled fault mode " + now);
    }
    return true;
  }
}
