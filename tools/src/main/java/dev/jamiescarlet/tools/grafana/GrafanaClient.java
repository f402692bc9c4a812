package dev.jamiescarlet.tools.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Locale;

/**
 * Grafana's HTTP API with a service-account token: search dashboards and link their panels, post
 * annotations (the bot marks every write it executes), and render a panel as a PNG when the image
 * renderer is installed.
 */
public final class GrafanaClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SETTING = "JAMIE_GRAFANA_URL";

  private final URI base;
  private final ServiceHttp http;

  /**
   * A client for the Grafana at {@code baseUrl} (e.g. {@code https://grafana.example/}).
   *
   * @param token a service-account token, or null for anonymous access
   */
  public GrafanaClient(String baseUrl, String token, Duration timeout) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.http = new ServiceHttp(base, token, timeout, timeout);
  }

  /** An absolute link for a path Grafana returned (search results carry {@code /d/uid/slug}). */
  public String link(String path) {
    if (path == null || path.startsWith("http://") || path.startsWith("https://")) {
      return path;
    }
    return base.resolve(path.startsWith("/") ? path.substring(1) : path).toString();
  }

  /** Grafana's version, from {@code /api/health}; fails when it is unreachable or unhealthy. */
  public String version() {
    JsonNode health = json(get("api/health", "application/json"));
    if (!"ok".equals(health.path("database").asText())) {
      throw new GrafanaException(
          GrafanaException.Kind.OTHER,
          "Grafana at " + base + " reports its database as " + health.path("database").asText());
    }
    return health.path("version").asText("unknown");
  }

  /** Dashboards whose title matches {@code query} (empty: all), as Grafana's search ranks them. */
  public List<Dashboard> searchDashboards(String query, int limit) {
    String path =
        "api/search?type=dash-db&limit="
            + Math.max(1, Math.min(limit, 5000))
            + "&query="
            + URLEncoder.encode(query == null ? "" : query, StandardCharsets.UTF_8);
    List<Dashboard> out = new ArrayList<>();
    for (JsonNode d : json(get(path, "application/json"))) {
      List<String> tags = new ArrayList<>();
      d.path("tags").forEach(t -> tags.add(t.asText()));
      out.add(
          new Dashboard(
              d.path("uid").asText(),
              d.path("title").asText(),
              d.path("url").asText(),
              d.hasNonNull("folderTitle") ? d.path("folderTitle").asText() : null,
              tags));
    }
    return out;
  }

  /** The panels of a dashboard (rows expanded), each with a link that shows it. */
  public List<Panel> panels(String dashboardUid) {
    JsonNode body = json(get("api/dashboards/uid/" + segment(dashboardUid), "application/json"));
    String url = body.path("meta").path("url").asText("/d/" + dashboardUid);
    List<Panel> out = new ArrayList<>();
    collect(body.path("dashboard").path("panels"), url, out);
    return out;
  }

  private void collect(JsonNode panels, String url, List<Panel> out) {
    for (JsonNode p : panels) {
      if ("row".equals(p.path("type").asText())) {
        collect(p.path("panels"), url, out);
        continue;
      }
      int id = p.path("id").asInt();
      out.add(
          new Panel(
              id,
              p.path("title").asText(""),
              p.path("type").asText(""),
              base.resolve(url.startsWith("/") ? url.substring(1) : url) + "?viewPanel=" + id));
    }
  }

  /**
   * Posts an annotation (an organisation annotation when {@code dashboardUid} is null) and returns
   * its id.
   */
  public long annotate(String text, List<String> tags, Instant time, String dashboardUid) {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", text);
    body.put("time", time.toEpochMilli());
    body.putArray("tags").addAll(tags.stream().map(JSON.getNodeFactory()::textNode).toList());
    if (dashboardUid != null) {
      body.put("dashboardUID", dashboardUid);
    }
    HttpRequest request =
        request("api/annotations", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .header("Content-Type", "application/json")
            .build();
    return json(send(request)).path("id").asLong();
  }

  /**
   * A panel rendered as a PNG by Grafana's image renderer; {@link
   * GrafanaException.Kind#NO_RENDERER} when the renderer is not installed (callers draw their own
   * chart instead).
   */
  public byte[] renderPanel(
      String dashboardUid, int panelId, Instant from, Instant to, int width, int height) {
    String path =
        String.format(
            Locale.ROOT,
            "render/d-solo/%s/_?panelId=%d&from=%d&to=%d&width=%d&height=%d&tz=UTC",
            segment(dashboardUid),
            panelId,
            from.toEpochMilli(),
            to.toEpochMilli(),
            width,
            height);
    HttpResponse<byte[]> response = send(request(path, "image/png").GET().build());
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("image/png")) {
      throw new GrafanaException(
          GrafanaException.Kind.NO_RENDERER,
          "Grafana answered the render request with "
              + (type.isEmpty() ? "no content type" : type)
              + " instead of a PNG: install the grafana-image-renderer plugin to render panels");
    }
    return response.body();
  }

  private HttpResponse<byte[]> get(String path, String accept) {
    return send(request(path, accept).GET().build());
  }

  private HttpRequest.Builder request(String path, String accept) {
    return http.request("/" + path, accept);
  }

  private final ServiceHttp.Failures failures =
      new ServiceHttp.Failures() {
        @Override
        public RuntimeException timedOut(HttpTimeoutException e) {
          return unreachable(e);
        }

        @Override
        public RuntimeException unreachable(IOException e) {
          return new GrafanaException(
              GrafanaException.Kind.UNREACHABLE,
              "Grafana at " + base + " is unreachable (" + e.getMessage() + "); check " + SETTING,
              e);
        }

        @Override
        public RuntimeException interrupted(InterruptedException e) {
          return new GrafanaException(
              GrafanaException.Kind.UNREACHABLE, "interrupted calling Grafana", e);
        }
      };

  private HttpResponse<byte[]> send(HttpRequest request) {
    HttpResponse<byte[]> response =
        http.send(request, HttpResponse.BodyHandlers.ofByteArray(), failures);
    int status = response.statusCode();
    if (status / 100 == 2) {
      return response;
    }
    String said = message(response.body());
    throw switch (status) {
      case 401 ->
          new GrafanaException(
              GrafanaException.Kind.UNAUTHORIZED,
              "Grafana rejected the token (" + said + "); check JAMIE_GRAFANA_TOKEN");
      case 403 ->
          new GrafanaException(
              GrafanaException.Kind.FORBIDDEN,
              "Grafana's token lacks a permission: " + said + " (give the service account Editor)");
      case 404 ->
          new GrafanaException(
              GrafanaException.Kind.NOT_FOUND,
              "Grafana has no " + what(request) + " (" + said + ")");
      default ->
          said.toLowerCase(Locale.ROOT).contains("renderer")
              ? new GrafanaException(
                  GrafanaException.Kind.NO_RENDERER,
                  "Grafana cannot render panels: "
                      + said
                      + " (install the grafana-image-renderer plugin)")
              : new GrafanaException(
                  GrafanaException.Kind.OTHER, "Grafana answered " + status + ": " + said);
    };
  }

  private static String what(HttpRequest request) {
    String path = request.uri().getPath();
    return path.contains("/dashboards/uid/")
        ? "dashboard " + path.substring(path.lastIndexOf('/') + 1)
        : path;
  }

  /** Grafana's {@code message} field, or the body's first line. */
  private static String message(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    try {
      JsonNode node = JSON.readTree(text);
      if (node != null && node.hasNonNull("message")) {
        return node.path("message").asText();
      }
    } catch (IOException e) {
      // not JSON: the text itself is the message
    }
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new GrafanaException(
          GrafanaException.Kind.OTHER,
          "Grafana sent a body that is not JSON: " + e.getMessage(),
          e);
    }
  }

  private static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
