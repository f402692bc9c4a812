package dev.jamiescarlet.agents.models;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-bot registry of circuit breakers (one per endpoint and model) and concurrency limits (one
 * per endpoint), shared by every {@link ModelChain} so all agents see the same model health.
 */
public final class ModelGuards {

  /** Consecutive failures that open a breaker. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 3;

  /** How long an open breaker stays open before one trial call. */
  public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(30);

  /** Concurrent calls per endpoint when nothing else is configured. */
  public static final int DEFAULT_MAX_CONCURRENT = 4;

  private final Clock clock;
  private final int failureThreshold;
  private final Duration openDuration;
  private final int maxConcurrentPerEndpoint;
  private final Map<Key, CircuitBreaker> breakers = new ConcurrentHashMap<>();
  private final Map<String, EndpointLimiter> limiters = new ConcurrentHashMap<>();

  /**
   * Guards with the given policy.
   *
   * @param clock read by the breakers, injectable for tests
   * @param failureThreshold consecutive failures that open a breaker (at least 1)
   * @param openDuration how long a breaker stays open before a trial call
   * @param maxConcurrentPerEndpoint calls in flight per base URL (at least 1); the rest queue
   *     fairly
   */
  public ModelGuards(
      Clock clock, int failureThreshold, Duration openDuration, int maxConcurrentPerEndpoint) {
    if (failureThreshold < 1 || maxConcurrentPerEndpoint < 1) {
      throw new IllegalArgumentException(
          "failureThreshold and maxConcurrentPerEndpoint must be at least 1, got "
              + failureThreshold
              + " and "
              + maxConcurrentPerEndpoint);
    }
    this.clock = clock;
    this.failureThreshold = failureThreshold;
    this.openDuration = openDuration;
    this.maxConcurrentPerEndpoint = maxConcurrentPerEndpoint;
  }

  /** Guards with the defaults: 3 failures, 30 s open, 4 concurrent calls per endpoint. */
  public static ModelGuards defaults() {
    return new ModelGuards(
        Clock.systemUTC(),
        DEFAULT_FAILURE_THRESHOLD,
        DEFAULT_OPEN_DURATION,
        DEFAULT_MAX_CONCURRENT);
  }

  /** The breaker of one model at one endpoint, created closed on first use. */
  public CircuitBreaker breaker(String baseUrl, String model) {
    return breakers.computeIfAbsent(
        new Key(baseUrl, model), k -> new CircuitBreaker(clock, failureThreshold, openDuration));
  }

  EndpointLimiter limiter(String baseUrl) {
    return limiters.computeIfAbsent(baseUrl, url -> new EndpointLimiter(maxConcurrentPerEndpoint));
  }

  /** A snapshot per model for a status page, sorted by endpoint then model. */
  public List<ModelState> state() {
    List<ModelState> states = new ArrayList<>();
    breakers.forEach(
        (key, breaker) -> {
          EndpointLimiter limiter = limiter(key.baseUrl());
          states.add(
              new ModelState(
                  key.baseUrl(),
                  key.model(),
                  breaker.state(),
                  breaker.consecutiveFailures(),
                  limiter.inFlight(),
                  limiter.waiting(),
                  limiter.peak(),
                  limiter.max()));
        });
    states.sort(Comparator.comparing(ModelState::baseUrl).thenComparing(ModelState::model));
    return states;
  }

  /**
   * One model's health.
   *
   * @param baseUrl the endpoint
   * @param model the model name
   * @param breaker closed, open or half-open
   * @param consecutiveFailures failures since the last success
   * @param inFlight calls to the endpoint running now (all its models)
   * @param waiting calls queued for the endpoint now
   * @param peakInFlight the most calls ever in flight at once at the endpoint
   * @param maxConcurrent the endpoint's limit
   */
  public record ModelState(
      String baseUrl,
      String model,
      CircuitBreaker.State breaker,
      int consecutiveFailures,
      int inFlight,
      int waiting,
      int peakInFlight,
      int maxConcurrent) {}

  private record Key(String baseUrl, String model) {}
}
