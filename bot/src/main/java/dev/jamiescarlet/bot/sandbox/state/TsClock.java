package dev.jamiescarlet.bot.sandbox.state;

import java.time.Clock;
import java.util.Locale;

/** Hands out Slack-style message timestamps ("1732200000.000100") that strictly increase. */
public final class TsClock {
  private final Clock clock;
  private long lastMicros;

  /** A clock reading {@code clock}, so tests can pin time. */
  public TsClock(Clock clock) {
    this.clock = clock;
  }

  /** The next timestamp: now in microseconds, bumped past the previous one if needed. */
  public synchronized String next() {
    long now = clock.millis() * 1000;
    lastMicros = Math.max(now, lastMicros + 1);
    return format(lastMicros);
  }

  /** Formats microseconds since the epoch as seconds.micros. */
  public static String format(long micros) {
    return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  /** Parses a Slack timestamp to microseconds; blank or malformed input reads as 0. */
  public static long parse(String ts) {
    if (ts == null || ts.isBlank()) {
      return 0;
    }
    try {
      int dot = ts.indexOf('.');
      if (dot < 0) {
        return Long.parseLong(ts) * 1_000_000;
      }
      String frac = (ts.substring(dot + 1) + "000000").substring(0, 6);
      return Long.parseLong(ts.substring(0, dot)) * 1_000_000 + Long.parseLong(frac);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
