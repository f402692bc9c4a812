package dev.jamiescarlet.agents.runtime;

import java.time.Duration;

/** Durations as people say them: "45 s", "5 min". */
final class Durations {
  private Durations() {}

  static String words(Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return s + " s";
    }
    return (s / 60) + " min";
  }
}
