package dev.jamiescarlet.bot.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads Grafana unified alerting's webhook payload into an {@link AlertBatch}. */
public final class GrafanaPayload {
  private GrafanaPayload() {}

  /** Parses; a payload Jamie cannot use is a {@link HookException} naming the field. */
  public static AlertBatch parse(byte[] body) {
    JsonNode root = PayloadJson.object(body);
    String groupKey = PayloadJson.required(root, "groupKey", "");
    String org = PayloadJson.optional(root, "orgId");
    JsonNode items = PayloadJson.nonEmptyArray(root, "alerts", "");
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode a = items.get(i);
      String where = "alerts[" + i + "].";
      String url = PayloadJson.optional(a, "panelURL");
      if (url == null) {
        url = PayloadJson.optional(a, "dashboardURL");
      }
      if (url == null) {
        url = PayloadJson.optional(a, "generatorURL");
      }
      alerts.add(
          new Alert(
              PayloadJson.required(a, "fingerprint", where),
              PayloadJson.firing(a, where),
              PayloadJson.strings(a, "labels", where),
              PayloadJson.strings(a, "annotations", where),
              PayloadJson.time(a, "startsAt", where),
              PayloadJson.time(a, "endsAt", where),
              url));
    }
    String title =
        AlertmanagerPayload.title(
            PayloadJson.strings(root, "commonLabels", ""),
            PayloadJson.strings(root, "commonAnnotations", ""),
            alerts);
    return new AlertBatch(
        AlertSource.GRAFANA,
        org == null ? groupKey : org + "/" + groupKey,
        title,
        PayloadJson.optional(root, "externalURL"),
        alerts);
  }
}
