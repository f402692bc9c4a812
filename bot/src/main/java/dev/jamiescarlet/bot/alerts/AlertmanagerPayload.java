package dev.jamiescarlet.bot.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads Alertmanager's webhook payload (version 4) into an {@link AlertBatch}. */
public final class AlertmanagerPayload {
  private AlertmanagerPayload() {}

  /** Parses; a payload Jamie cannot use is a {@link HookException} naming the field. */
  public static AlertBatch parse(byte[] body) {
    JsonNode root = PayloadJson.object(body);
    String version = PayloadJson.optional(root, "version");
    if (version != null && !version.equals("4")) {
      throw HookException.badRequest(
          "version is `" + version + "`; Jamie reads Alertmanager's webhook version 4");
    }
    String groupKey = PayloadJson.required(root, "groupKey", "");
    JsonNode items = PayloadJson.nonEmptyArray(root, "alerts", "");
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode a = items.get(i);
      String where = "alerts[" + i + "].";
      alerts.add(
          new Alert(
              PayloadJson.required(a, "fingerprint", where),
              PayloadJson.firing(a, where),
              PayloadJson.strings(a, "labels", where),
              PayloadJson.strings(a, "annotations", where),
              PayloadJson.time(a, "startsAt", where),
              PayloadJson.time(a, "endsAt", where),
              PayloadJson.optional(a, "generatorURL")));
    }
    Map<String, String> common = PayloadJson.strings(root, "commonLabels", "");
    Map<String, String> commonAnnotations = PayloadJson.strings(root, "commonAnnotations", "");
    return new AlertBatch(
        AlertSource.ALERTMANAGER,
        groupKey,
        title(common, commonAnnotations, alerts),
        PayloadJson.optional(root, "externalURL"),
        alerts);
  }

  /** The summary everyone shares, else the alertname, else the first alert's. */
  static String title(
      Map<String, String> commonLabels, Map<String, String> commonAnnotations, List<Alert> alerts) {
    if (commonAnnotations.get("summary") != null) {
      return commonAnnotations.get("summary");
    }
    if (commonLabels.get("alertname") != null) {
      return commonLabels.get("alertname");
    }
    for (Alert a : alerts) {
      String name = a.labels().getOrDefault("alertname", a.annotations().get("summary"));
      if (name != null) {
        return name;
      }
    }
    return "Alert";
  }
}
