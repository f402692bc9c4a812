package dev.jamiescarlet.tools.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps Alertmanager API v2 JSON to records and back. */
final class AlertmanagerJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private AlertmanagerJson() {}

  static List<Alert> alerts(JsonNode array) {
    List<Alert> alerts = new ArrayList<>();
    for (JsonNode node : array) {
      alerts.add(alert(node));
    }
    return alerts;
  }

  static Alert alert(JsonNode node) {
    JsonNode status = node.path("status");
    List<String> receivers = new ArrayList<>();
    for (JsonNode receiver : node.path("receivers")) {
      receivers.add(receiver.path("name").asText());
    }
    return new Alert(
        strings(node.path("labels")),
        strings(node.path("annotations")),
        node.path("fingerprint").asText(""),
        status.path("state").asText(""),
        texts(status.path("silencedBy")),
        texts(status.path("inhibitedBy")),
        instant(node.path("startsAt")),
        instant(node.path("endsAt")),
        instant(node.path("updatedAt")),
        node.path("generatorURL").asText(""),
        receivers);
  }

  static List<AlertGroup> groups(JsonNode array) {
    List<AlertGroup> groups = new ArrayList<>();
    for (JsonNode node : array) {
      groups.add(
          new AlertGroup(
              strings(node.path("labels")),
              node.path("receiver").path("name").asText(""),
              alerts(node.path("alerts"))));
    }
    return groups;
  }

  static List<Silence> silences(JsonNode array) {
    List<Silence> silences = new ArrayList<>();
    for (JsonNode node : array) {
      List<Matcher> matchers = new ArrayList<>();
      for (JsonNode m : node.path("matchers")) {
        matchers.add(
            new Matcher(
                m.path("name").asText(),
                m.path("value").asText(),
                m.path("isRegex").asBoolean(false),
                m.path("isEqual").asBoolean(true)));
      }
      silences.add(
          new Silence(
              node.path("id").asText(""),
              matchers,
              instant(node.path("startsAt")),
              instant(node.path("endsAt")),
              node.path("createdBy").asText(""),
              node.path("comment").asText(""),
              node.path("status").path("state").asText("")));
    }
    return silences;
  }

  static ObjectNode silence(
      List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode array = body.putArray("matchers");
    for (Matcher m : matchers) {
      array
          .addObject()
          .put("name", m.name())
          .put("value", m.value())
          .put("isRegex", m.isRegex())
          .put("isEqual", m.isEqual());
    }
    body.put("startsAt", startsAt.toString());
    body.put("endsAt", endsAt.toString());
    body.put("createdBy", createdBy);
    body.put("comment", comment);
    return body;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static Instant instant(JsonNode node) {
    String text = node.asText("");
    // Alertmanager writes the zero time for "never"
    if (text.isEmpty() || text.startsWith("0001-01-01")) {
      return null;
    }
    return Instant.parse(text);
  }
}
