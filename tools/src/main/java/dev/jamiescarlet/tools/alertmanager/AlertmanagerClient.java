package dev.jamiescarlet.tools.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;

/** Reads alerts and manages silences over the Alertmanager API v2. */
public final class AlertmanagerClient {
  /** The environment variable that points the bot at Alertmanager. */
  public static final String URL_SETTING = "JAMIE_ALERTMANAGER_URL";

  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final ServiceHttp http;

  /**
   * A client for the Alertmanager at {@code baseUrl} (a path prefix is kept); {@code bearerToken}
   * may be null.
   */
  public AlertmanagerClient(
      URI baseUrl, String bearerToken, Duration connectTimeout, Duration requestTimeout) {
    this.http =
        new ServiceHttp(
            ServiceHttp.absolute(
                baseUrl,
                "Alertmanager",
                URL_SETTING,
                "http://alertmanager-operated.monitoring:9093"),
            bearerToken,
            connectTimeout,
            requestTimeout);
  }

  /** A client without a token, with a 5 s connect and 30 s request timeout. */
  public static AlertmanagerClient of(String baseUrl) {
    return new AlertmanagerClient(
        URI.create(baseUrl), null, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** The server this client talks to. */
  public URI baseUrl() {
    return http.baseUrl();
  }

  /** Every alert Alertmanager holds, silenced and inhibited ones included. */
  public List<Alert> alerts() {
    return alerts(AlertFilter.all());
  }

  /** The alerts that pass {@code filter}. */
  public List<Alert> alerts(AlertFilter filter) {
    List<String> query = new ArrayList<>();
    for (Matcher m : filter.matchers()) {
      query.add("filter=" + URLEncoder.encode(m.toFilter(), StandardCharsets.UTF_8));
    }
    query.add("silenced=" + filter.silenced());
    query.add("inhibited=" + filter.inhibited());
    if (filter.receiver() != null && !filter.receiver().isBlank()) {
      query.add("receiver=" + URLEncoder.encode(filter.receiver(), StandardCharsets.UTF_8));
    }
    String path = "/api/v2/alerts?" + String.join("&", query);
    return AlertmanagerJson.alerts(send(request(path).GET().build()));
  }

  /** The alert groups, as Alertmanager's route grouped them. */
  public List<AlertGroup> alertGroups() {
    return AlertmanagerJson.groups(send(request("/api/v2/alerts/groups").GET().build()));
  }

  /** Creates a silence and returns its id. */
  public String createSilence(
      List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException(
          "A silence needs at least one matcher, e.g. Matcher.equal(\"alertname\", \"KubePodCrashLooping\")");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException(
          "A silence must end after it starts, got startsAt=" + startsAt + " endsAt=" + endsAt);
    }
    String body =
        AlertmanagerJson.silence(matchers, startsAt, endsAt, createdBy, comment).toString();
    HttpRequest request =
        request("/api/v2/silences")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return send(request).path("silenceID").asText();
  }

  /** Every silence, expired ones included (Alertmanager keeps them for its retention period). */
  public List<Silence> silences() {
    return AlertmanagerJson.silences(send(request("/api/v2/silences").GET().build()));
  }

  /** Expires the silence {@code id} now. */
  public void expireSilence(String id) {
    if (id == null || !id.matches("[0-9a-fA-F-]{1,64}")) {
      throw new IllegalArgumentException(
          "'" + id + "' is not a silence id; silences() lists them (UUIDs such as 8f6c…)");
    }
    send(request("/api/v2/silence/" + id).DELETE().build());
  }

  private HttpRequest.Builder request(String path) {
    return http.request(path, "application/json");
  }

  private final ServiceHttp.Failures failures =
      new ServiceHttp.Failures() {
        @Override
        public RuntimeException timedOut(HttpTimeoutException e) {
          return new AlertmanagerException(
              "Alertmanager at "
                  + http.baseUrl()
                  + " did not answer within "
                  + http.requestTimeout()
                  + "; check that "
                  + URL_SETTING
                  + " points at a healthy Alertmanager",
              0,
              e);
        }

        @Override
        public RuntimeException unreachable(IOException e) {
          return new AlertmanagerException(
              "Cannot reach Alertmanager at "
                  + http.baseUrl()
                  + " ("
                  + ServiceHttp.reason(e)
                  + "); check "
                  + URL_SETTING
                  + " (e.g. http://alertmanager-operated.monitoring:9093) and that the bot can reach"
                  + " it",
              0,
              e);
        }

        @Override
        public RuntimeException interrupted(InterruptedException e) {
          return new AlertmanagerException(
              "Interrupted while asking Alertmanager at " + http.baseUrl(), 0, e);
        }
      };

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response =
        http.send(request, HttpResponse.BodyHandlers.ofString(), failures);
    int status = response.statusCode();
    String body = response.body() == null ? "" : response.body();
    if (status >= 200 && status < 300) {
      try {
        return body.isBlank()
            ? AlertmanagerJson.JSON.nullNode()
            : AlertmanagerJson.JSON.readTree(body);
      } catch (IOException e) {
        throw new AlertmanagerException(
            "Alertmanager at "
                + http.baseUrl()
                + " answered something other than JSON: "
                + clip(body)
                + "; check that "
                + URL_SETTING
                + " points at Alertmanager itself",
            status,
            e);
      }
    }
    throw new AlertmanagerException(
        "Alertmanager at "
            + http.baseUrl()
            + " refused "
            + request.method()
            + " "
            + request.uri().getPath()
            + " (HTTP "
            + status
            + "): "
            + errorText(body)
            + hint(status),
        status,
        null);
  }

  private static String hint(int status) {
    return switch (status) {
      case 401, 403 -> "; the server wants credentials: give the client a bearer token it accepts";
      case 404 -> "; check that " + URL_SETTING + " points at Alertmanager (it serves /api/v2)";
      default -> "";
    };
  }

  /**
   * Alertmanager answers errors as a JSON string, a {@code {code, message}} object or plain text.
   */
  private static String errorText(String body) {
    try {
      JsonNode node = AlertmanagerJson.JSON.readTree(body);
      if (node != null && node.isTextual()) {
        return clip(node.asText());
      }
      if (node != null && node.hasNonNull("message")) {
        return clip(node.path("message").asText());
      }
    } catch (IOException e) {
      // not JSON: fall through to the raw text
    }
    return clip(body);
  }

  private static String clip(String body) {
    return ServiceHttp.clip(body, MAX_BODY_IN_MESSAGE);
  }
}
