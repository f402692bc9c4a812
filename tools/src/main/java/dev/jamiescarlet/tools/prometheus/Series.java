package dev.jamiescarlet.tools.prometheus;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A labelled Prometheus series: one point for an instant vector, many for a range (matrix). */
public record Series(Map<String, String> labels, List<Point> points) {

  public Series {
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
  }

  /**
   * The metric name (`__name__`), or an empty string for computed series such as {@code vector(1)}.
   */
  public String metricName() {
    return labels.getOrDefault("__name__", "");
  }

  /**
   * The labels in PromQL selector form, name first, e.g. {@code up{instance="a:9090", job="p"}}.
   */
  public String selector() {
    String inner =
        labels.entrySet().stream()
            .filter(e -> !e.getKey().equals("__name__"))
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
            .collect(Collectors.joining(", "));
    return metricName() + (inner.isEmpty() ? "" : "{" + inner + "}");
  }
}
