package dev.jamiescarlet.agents.tools;

import java.time.Duration;

/** Compact "how long" text for tool outputs: 45s, 12m, 3h, 5d. */
final class Ages {
  private Ages() {}

  static String of(Duration d) {
    if (d == null) {
      return "?";
    }
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 7_200) {
      return s / 60 + "m";
    }
    if (s < 172_800) {
      return s / 3_600 + "h";
    }
    return s / 86_400 + "d";
  }
}
