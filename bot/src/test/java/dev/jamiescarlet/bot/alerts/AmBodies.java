package dev.jamiescarlet.bot.alerts;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Alertmanager webhook bodies (version 4) built for a test: one group, any labels. */
final class AmBodies {
  // escaped to ASCII, so a lone surrogate goes out as the \\uXXXX escape a sender could write
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private AmBodies() {}

  /** A firing group {@code groupKey} named {@code alertname}, one alert per fingerprint. */
  static byte[] firing(String groupKey, String alertname, String... fingerprints) {
    return body(groupKey, alertname, Map.of(), "firing", fingerprints);
  }

  /** As {@link #firing}, each alert also carrying {@code extra} labels. */
  static byte[] body(
      String groupKey,
      String alertname,
      Map<String, String> extra,
      String status,
      String... fingerprints) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "4");
    root.put("groupKey", groupKey);
    root.put("status", status);
    root.putObject("commonLabels").put("alertname", alertname);
    ArrayNode alerts = root.putArray("alerts");
    for (String f : fingerprints) {
      ObjectNode a = alerts.addObject();
      a.put("status", status);
      a.put("fingerprint", f);
      ObjectNode labels = a.putObject("labels");
      labels.put("alertname", alertname);
      labels.put("instance", f);
      extra.forEach(labels::put);
      a.putObject("annotations").put("summary", alertname + " on " + f);
      a.put("startsAt", "2026-11-21T09:48:30Z");
      a.put("endsAt", "resolved".equals(status) ? "2026-11-21T10:12:30Z" : "0001-01-01T00:00:00Z");
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
