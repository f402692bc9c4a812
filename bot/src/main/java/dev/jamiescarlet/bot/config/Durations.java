package dev.jamiescarlet.bot.config;

import java.time.Duration;
import java.util.Locale;

/** Short human durations such as {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 7d}. */
public final class Durations {
  private Durations() {}

  /** Parses a duration; throws {@link IllegalArgumentException} with an example when it cannot. */
  public static Duration parse(String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      throw new IllegalArgumentException("an empty duration; write e.g. 15m, 1h or 90s");
    }
    Duration total = Duration.ZERO;
    long number = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        number = (number < 0 ? 0 : number) * 10 + (c - '0');
        if (number > 1_000_000) {
          throw new IllegalArgumentException("`" + text + "` is too long a duration");
        }
      } else {
        if (number < 0) {
          throw new IllegalArgumentException(
              "`" + text + "` is not a duration; write e.g. 15m, 1h or 90s");
        }
        total =
            switch (c) {
              case 's' -> total.plusSeconds(number);
              case 'm' -> total.plusMinutes(number);
              case 'h' -> total.plusHours(number);
              case 'd' -> total.plusDays(number);
              default ->
                  throw new IllegalArgumentException(
                      "`" + text + "` is not a duration; units are s, m, h, d (e.g. 15m, 1h, 90s)");
            };
        number = -1;
      }
    }
    if (number >= 0) {
      throw new IllegalArgumentException(
          "`" + text + "` needs a unit: s, m, h or d (e.g. " + number + "m)");
    }
    return total;
  }

  /** "3 minutes", "1 hour", "45 seconds": the largest whole unit, for messages. */
  public static String describe(Duration d) {
    long s = Math.abs(d.getSeconds());
    if (s >= 86_400) {
      return plural(s / 86_400, "day");
    }
    if (s >= 3_600) {
      return plural(s / 3_600, "hour");
    }
    if (s >= 60) {
      return plural(s / 60, "minute");
    }
    return plural(s, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
