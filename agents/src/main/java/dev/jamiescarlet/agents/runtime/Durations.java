package dev.jamiescarlet.agents.runtime;

import java.time.Duration;

/** Durations as people say them: "300 ms", "45 s", "5 min". */
final class Durations {
  private Durations() {}

  static String words(Duration d) {
    long s = d.toSeconds();
    if (s < 1) {
      return d.toMillis() + " ms";
    }
    if (s < 120) {
      return s + " s";
    }
    return (s / 60) + " min";
  }
}
