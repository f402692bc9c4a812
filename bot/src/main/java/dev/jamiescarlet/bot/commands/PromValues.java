package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.prometheus.Series;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How {@code graph} and {@code query} print Prometheus labels and values. */
final class PromValues {
  private PromValues() {}

  /** {@code up{job="api"}}; {@code {}} for a series without labels. */
  static String labels(Map<String, String> labels) {
    Map<String, String> sorted = new TreeMap<>(labels);
    String name = sorted.remove("__name__");
    String inner =
        sorted.entrySet().stream()
            .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
            .collect(Collectors.joining(", "));
    return (name == null ? "" : name) + (inner.isEmpty() && name != null ? "" : "{" + inner + "}");
  }

  /** A value with up to four significant decimals, NaN and ±Inf as Prometheus writes them. */
  static String value(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v)
        .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
        .replace(".e", "e");
  }

  /** The series's labels and its latest value. */
  static String latest(Series s) {
    return s.points().isEmpty()
        ? labels(s.labels()) + " (no points)"
        : labels(s.labels()) + " = " + value(s.points().getLast().value());
  }
}
