package dev.jamiescarlet.tools.prometheus;

import java.time.Instant;
import java.util.Map;

/**
 * An alert as Prometheus itself sees it ({@code GET /api/v1/alerts}): state is pending or firing.
 */
public record PrometheusAlert(
    Map<String, String> labels,
    Map<String, String> annotations,
    String state,
    Instant activeAt,
    String value) {

  public PrometheusAlert {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  /** The {@code alertname} label, or an empty string. */
  public String name() {
    return labels.getOrDefault("alertname", "");
  }
}
