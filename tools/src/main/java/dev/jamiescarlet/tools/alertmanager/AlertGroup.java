package dev.jamiescarlet.tools.alertmanager;

import java.util.List;
import java.util.Map;

/** Alerts Alertmanager grouped by its route's {@code group_by} labels, for one receiver. */
public record AlertGroup(Map<String, String> labels, String receiver, List<Alert> alerts) {

  public AlertGroup {
    labels = Map.copyOf(labels);
    alerts = List.copyOf(alerts);
  }
}
