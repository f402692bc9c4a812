package dev.jamiescarlet.tools.alertmanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as Alertmanager holds it: state is {@code active}, {@code suppressed} (silenced or
 * inhibited) or {@code unprocessed}; {@code endsAt} may be null.
 */
public record Alert(
    Map<String, String> labels,
    Map<String, String> annotations,
    String fingerprint,
    String state,
    List<String> silencedBy,
    List<String> inhibitedBy,
    Instant startsAt,
    Instant endsAt,
    Instant updatedAt,
    String generatorUrl,
    List<String> receivers) {

  public Alert {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    silencedBy = List.copyOf(silencedBy);
    inhibitedBy = List.copyOf(inhibitedBy);
    receivers = List.copyOf(receivers);
  }

  /** The {@code alertname} label, or an empty string. */
  public String name() {
    return labels.getOrDefault("alertname", "");
  }

  /** True when a silence mutes this alert. */
  public boolean silenced() {
    return !silencedBy.isEmpty();
  }
}
