package dev.jamiescarlet.agents.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The Slack text of a budget refusal. */
final class BudgetMessages {
  private static final String STILL_WORKS = " Commands like `diagnose` still work.";

  private BudgetMessages() {}

  static String refusal(Dimension dimension, String key, long limit, Instant now, Instant resets) {
    String tokens = String.format(Locale.US, "%,d model tokens", limit);
    String when = "the budget resets at 00:00 UTC (in " + until(now, resets) + ").";
    String who =
        switch (dimension) {
          case USER -> "You've used your " + tokens + " for today; ";
          case CHANNEL -> "This channel has used its " + tokens + " for today; ";
          default -> capitalised(key) + " has used its " + tokens + " for today across everyone; ";
        };
    return who + when + STILL_WORKS;
  }

  /** "3 h 12 min", "12 min", "less than a minute". */
  static String until(Instant now, Instant then) {
    Duration d = Duration.between(now, then);
    long hours = d.toHours();
    long minutes = d.toMinutesPart();
    if (hours == 0 && minutes == 0) {
      return "less than a minute";
    }
    return hours == 0 ? minutes + " min" : hours + " h " + minutes + " min";
  }

  private static String capitalised(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
