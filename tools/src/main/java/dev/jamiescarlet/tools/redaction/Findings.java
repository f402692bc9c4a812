package dev.jamiescarlet.tools.redaction;

import java.util.HashMap;
import java.util.Map;

/** Counts secrets per kind during one scan and builds the output lazily, copying only on change. */
final class Findings {
  private final Map<String, Integer> counts = new HashMap<>();

  void add(String kind) {
    counts.merge(kind, 1, Integer::sum);
  }

  Map<String, Integer> counts() {
    return counts;
  }

  /** The marker that replaces a secret of {@code kind}. */
  static String marker(String kind) {
    return "[REDACTED:" + kind + "]";
  }

  /** Whether the text at {@code at} is a marker already, so a second pass leaves it alone. */
  static boolean isMarker(String s, int at) {
    return s.startsWith("[REDACTED:", at);
  }
}
