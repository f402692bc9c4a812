package dev.jamiescarlet.tools.kubernetes;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses Kubernetes RFC 3339 timestamps into instants and ages. */
final class Times {
  private Times() {}

  /** The instant of an RFC 3339 timestamp, or null when absent or malformed. */
  static Instant parse(String timestamp) {
    if (timestamp == null || timestamp.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      // a malformed timestamp only costs us the age column, never the whole answer
      return null;
    }
  }

  /** Time from the timestamp until now; zero when unknown or in the future (clock skew). */
  static Duration age(String timestamp, Instant now) {
    Instant then = parse(timestamp);
    if (then == null || then.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(then, now);
  }
}
