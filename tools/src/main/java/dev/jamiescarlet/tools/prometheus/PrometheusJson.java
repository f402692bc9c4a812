package dev.jamiescarlet.tools.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code data} part of Prometheus HTTP API answers into records. */
final class PrometheusJson {
  private PrometheusJson() {}

  static QueryResult result(JsonNode data) {
    String type = data.path("resultType").asText("");
    JsonNode result = data.path("result");
    return switch (type) {
      case "vector" -> new QueryResult(QueryResult.ResultType.VECTOR, vector(result), "");
      case "matrix" -> new QueryResult(QueryResult.ResultType.MATRIX, matrix(result), "");
      case "scalar" ->
          new QueryResult(
              QueryResult.ResultType.SCALAR,
              List.of(new Series(Map.of(), List.of(point(result)))),
              "");
      case "string" ->
          new QueryResult(QueryResult.ResultType.STRING, List.of(), result.path(1).asText(""));
      default ->
          throw new PrometheusException(
              "Prometheus answered an unknown resultType '"
                  + type
                  + "'; expected vector, matrix, scalar or string",
              "bad_response",
              200,
              null);
    };
  }

  static List<Series> matrix(JsonNode result) {
    List<Series> series = new ArrayList<>();
    for (JsonNode item : result) {
      List<Point> points = new ArrayList<>();
      for (JsonNode value : item.path("values")) {
        points.add(point(value));
      }
      series.add(new Series(labels(item.path("metric")), points));
    }
    return series;
  }

  static List<PrometheusAlert> alerts(JsonNode data) {
    List<PrometheusAlert> alerts = new ArrayList<>();
    for (JsonNode alert : data.path("alerts")) {
      String activeAt = alert.path("activeAt").asText("");
      alerts.add(
          new PrometheusAlert(
              labels(alert.path("labels")),
              labels(alert.path("annotations")),
              alert.path("state").asText(""),
              activeAt.isEmpty() ? null : Instant.parse(activeAt),
              alert.path("value").asText("")));
    }
    return alerts;
  }

  private static List<Series> vector(JsonNode result) {
    List<Series> series = new ArrayList<>();
    for (JsonNode item : result) {
      series.add(new Series(labels(item.path("metric")), List.of(point(item.path("value")))));
    }
    return series;
  }

  static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new LinkedHashMap<>();
    node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  /** A {@code [unixSeconds, "value"]} pair; seconds carry milliseconds as a fraction. */
  static Point point(JsonNode pair) {
    BigDecimal seconds = pair.path(0).decimalValue();
    long millis = seconds.movePointRight(3).longValue();
    return new Point(Instant.ofEpochMilli(millis), value(pair.path(1).asText("NaN")));
  }

  static double value(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "+inf", "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }
}
