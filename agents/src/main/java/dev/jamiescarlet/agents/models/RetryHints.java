package dev.jamiescarlet.agents.models;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest {@code Retry-After} one endpoint sent with a 429 or 503: LangChain4j's exceptions keep
 * only the status and body, so the link's HTTP client notes the header here for the retry policy.
 */
final class RetryHints {

  private final Clock clock;
  private final AtomicReference<Duration> latest = new AtomicReference<>();

  RetryHints(Clock clock) {
    this.clock = clock;
  }

  /** Notes a response's Retry-After when its status is one that carries it. */
  void observe(int status, HttpHeaders headers) {
    if (status != 429 && status != 503) {
      return;
    }
    headers
        .firstValue("Retry-After")
        .flatMap(v -> parse(v, clock.instant()))
        .ifPresent(latest::set);
  }

  /** The wait the endpoint asked for last, once: a later failure without the header gets none. */
  Optional<Duration> take() {
    return Optional.ofNullable(latest.getAndSet(null));
  }

  /**
   * Seconds ("1") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"), as a wait from {@code now}.
   */
  static Optional<Duration> parse(String value, Instant now) {
    String v = value.strip();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      // a malformed header is ignored: the policy's own backoff still applies
      return Optional.empty();
    }
  }
}
