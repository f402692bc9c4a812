package dev.jamiescarlet.agents.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's helpful share of the last 7 days, asked of its source (MongoDB) at most once a minute
 * so that a scrape or a conversation does not query the store each time.
 */
public final class HelpfulShare {
  /** How long one answer from the source is reused. */
  public static final Duration CACHE = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(HelpfulShare.class);

  private final Supplier<OptionalDouble> source;
  private final Clock clock;
  private Instant asked;
  private double value = Double.NaN;

  HelpfulShare(Supplier<OptionalDouble> source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /** The share (0 to 1), or NaN when nobody voted or the store could not be read. */
  public synchronized double value() {
    Instant now = clock.instant();
    if (asked == null || !now.isBefore(asked.plus(CACHE))) {
      asked = now;
      try {
        value = source.get().orElse(Double.NaN);
      } catch (RuntimeException e) {
        log.debug("could not read the helpful share: {}", e.getMessage());
        value = Double.NaN;
      }
    }
    return value;
  }
}
