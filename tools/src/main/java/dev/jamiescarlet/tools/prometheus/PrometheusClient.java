package dev.jamiescarlet.tools.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamiescarlet.tools.http.ServiceHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads from the Prometheus HTTP API (v1): instant and range queries, and the alerts Prometheus
 * evaluates.
 */
public final class PrometheusClient {
  /** The environment variable that points the bot at Prometheus. */
  public static final String URL_SETTING = "JAMIE_PROMETHEUS_URL";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final ServiceHttp http;

  /**
   * A client for the Prometheus server at {@code baseUrl} (e.g. {@code http://prometheus:9090}, a
   * path prefix is kept); {@code bearerToken} may be null.
   */
  public PrometheusClient(
      URI baseUrl, String bearerToken, Duration connectTimeout, Duration requestTimeout) {
    this.http =
        new ServiceHttp(
            ServiceHttp.absolute(
                baseUrl, "Prometheus", URL_SETTING, "http://prometheus-server.monitoring:9090"),
            bearerToken,
            connectTimeout,
            requestTimeout);
  }

  /** A client without a token, with a 5 s connect and 30 s request timeout. */
  public static PrometheusClient of(String baseUrl) {
    return new PrometheusClient(
        URI.create(baseUrl), null, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** The server this client talks to. */
  public URI baseUrl() {
    return http.baseUrl();
  }

  /** Evaluates {@code promql} at {@code at} (now when null). */
  public QueryResult query(String promql, Instant at) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    if (at != null) {
      form.put("time", seconds(at));
    }
    return PrometheusJson.result(post("/api/v1/query", form, promql));
  }

  /**
   * Evaluates {@code promql} over {@code [start, end]} every {@code step}: one series per label
   * set.
   */
  public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "query_range needs end after start, got start=" + start + " end=" + end);
    }
    if (step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("query_range needs a positive step, got " + step);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("query", promql);
    form.put("start", seconds(start));
    form.put("end", seconds(end));
    form.put("step", seconds(step));
    JsonNode data = post("/api/v1/query_range", form, promql);
    return PrometheusJson.matrix(data.path("result"));
  }

  /** The alerting rules' active alerts (pending and firing) as Prometheus evaluates them. */
  public List<PrometheusAlert> alerts() {
    HttpRequest request = request("/api/v1/alerts").GET().build();
    return PrometheusJson.alerts(send(request, null));
  }

  private JsonNode post(String path, Map<String, String> form, String promql) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return send(request, promql);
  }

  private HttpRequest.Builder request(String path) {
    return http.request(path, "application/json");
  }

  private JsonNode send(HttpRequest request, String promql) {
    return answer(http.send(request, HttpResponse.BodyHandlers.ofString(), failures), promql);
  }

  private final ServiceHttp.Failures failures =
      new ServiceHttp.Failures() {
        @Override
        public RuntimeException timedOut(HttpTimeoutException e) {
          return new PrometheusException(
              "Prometheus at "
                  + http.baseUrl()
                  + " did not answer within "
                  + http.requestTimeout()
                  + "; narrow the query or its time range, or check that "
                  + URL_SETTING
                  + " points at a healthy server",
              "timeout",
              0,
              e);
        }

        @Override
        public RuntimeException unreachable(IOException e) {
          return new PrometheusException(
              "Cannot reach Prometheus at "
                  + http.baseUrl()
                  + " ("
                  + ServiceHttp.reason(e)
                  + "); check "
                  + URL_SETTING
                  + " (e.g. http://prometheus-server.monitoring:9090) and that the bot can reach it",
              "",
              0,
              e);
        }

        @Override
        public RuntimeException interrupted(InterruptedException e) {
          return new PrometheusException(
              "Interrupted while asking Prometheus at " + http.baseUrl(), "", 0, e);
        }
      };

  private JsonNode answer(HttpResponse<String> response, String promql) {
    JsonNode root;
    try {
      root = JSON.readTree(response.body());
    } catch (IOException e) {
      root = null;
    }
    int status = response.statusCode();
    if (root != null && "success".equals(root.path("status").asText())) {
      return root.path("data");
    }
    if (root != null && root.hasNonNull("error")) {
      String errorType = root.path("errorType").asText("");
      String about = promql == null ? "" : " for `" + promql + "`";
      throw new PrometheusException(
          "Prometheus error" + about + ": " + errorType + ": " + root.path("error").asText(),
          errorType,
          status,
          null);
    }
    String hint =
        status == 401 || status == 403
            ? "; the server wants credentials: give the client a bearer token it accepts"
            : "; check that "
                + URL_SETTING
                + " points at Prometheus itself (its /api/v1 answers JSON)";
    throw new PrometheusException(
        "Prometheus at "
            + http.baseUrl()
            + " answered HTTP "
            + status
            + ": "
            + clip(response.body())
            + hint,
        "",
        status,
        null);
  }

  private static String clip(String body) {
    return ServiceHttp.clip(body, MAX_BODY_IN_MESSAGE);
  }

  private static String seconds(Instant instant) {
    return java.math.BigDecimal.valueOf(instant.toEpochMilli(), 3).toPlainString();
  }

  private static String seconds(Duration duration) {
    return java.math.BigDecimal.valueOf(duration.toMillis(), 3).toPlainString();
  }
}
