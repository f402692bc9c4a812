package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.prometheus.Point;
import dev.jamiescarlet.tools.prometheus.Series;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compact text for Prometheus results: numbers, range trends, durations and label names. */
final class PrometheusText {
  /** Labels whose values are Kubernetes names a proposal may be grounded on. */
  private static final List<String> NAME_LABELS =
      List.of(
          "namespace",
          "pod",
          "container",
          "deployment",
          "statefulset",
          "daemonset",
          "service",
          "job",
          "node");

  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([smhdw])");

  /** A change of less than this share of the larger end counts as flat. */
  private static final double FLAT = 0.05;

  private PrometheusText() {}

  /** A number without noise: integers plainly, others with four significant digits. */
  static String num(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2");
  }

  /** Per series: min, max, last and whether it rose, fell or stayed flat. */
  static String summary(Series s) {
    List<Double> values =
        s.points().stream().map(Point::value).filter(v -> !Double.isNaN(v)).toList();
    if (values.isEmpty()) {
      return s.selector() + ": no numeric points";
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double first = values.get(0);
    double last = values.get(values.size() - 1);
    return s.selector()
        + ": min="
        + num(min)
        + " max="
        + num(max)
        + " last="
        + num(last)
        + " trend="
        + trend(first, last)
        + " ("
        + values.size()
        + " points)";
  }

  /** Rising, falling or flat, from the first to the last point. */
  static String trend(double first, double last) {
    double scale = Math.max(Math.abs(first), Math.abs(last));
    if (scale == 0 || Math.abs(last - first) <= FLAT * scale) {
      return "flat";
    }
    return last > first ? "rising" : "falling";
  }

  /** A Prometheus-style duration such as {@code 30m}, {@code 1h} or {@code 1h30m}. */
  static Duration duration(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(t);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
              });
      end = m.end();
    }
    if (t.isEmpty() || end != t.length() || total.isZero()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; use a number and a unit, e.g. 15m, 1h or 2d");
    }
    return total;
  }

  /** Adds the Kubernetes-name label values (namespace, pod, deployment…) to {@code names}. */
  static void names(Map<String, String> labels, Collection<String> names) {
    for (String label : NAME_LABELS) {
      String value = labels.get(label);
      if (value != null && !value.isBlank()) {
        names.add(value);
      }
    }
  }
}
