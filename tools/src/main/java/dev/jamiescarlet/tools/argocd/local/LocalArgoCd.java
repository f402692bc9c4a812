package dev.jamiescarlet.tools.argocd.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.jamiescarlet.tools.argocd.ArgoCdSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A local Argo CD API server for tests and the demo (never for production): the documented {@code
 * /api/v1/applications} shapes for two applications ({@code catalog}: Synced, Healthy, auto-sync
 * on; {@code checkout}: OutOfSync, Degraded, manual sync, history ids 1–3) whose state changes when
 * they are synced, rolled back or patched, a bearer token check, and a record of every request.
 */
public final class LocalArgoCd implements AutoCloseable {
  /** The only token the fake accepts. */
  public static final String TOKEN = "fake-argocd-token";

  /** The commit {@code main} points at in the fake Git repository; a sync deploys it. */
  public static final String HEAD = LocalArgoCdState.HEAD;

  /** The version {@code /api/version} reports. */
  public static final String VERSION = "v2.13.1+local";

  private static final String PREFIX = "/api/v1/applications";

  private final ObjectMapper json = new ObjectMapper();
  private final LocalArgoCdState state = new LocalArgoCdState(json, Clock.systemUTC());
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Set<String> denied = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  /**
   * One request as the fake received it.
   *
   * @param method the HTTP method
   * @param path the decoded path
   * @param query the raw query string, or empty
   * @param body the JSON body, or a null node
   * @param authorization the Authorization header, or empty
   */
  public record RecordedRequest(
      String method, String path, String query, JsonNode body, String authorization) {}

  private LocalArgoCd(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts the fake on a free loopback port. */
  public static LocalArgoCd start() {
    try {
      return new LocalArgoCd(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fake Argo CD on a loopback port", e);
    }
  }

  /** Starts the fake over HTTPS on a free loopback port, with the given server certificate. */
  public static LocalArgoCd startTls(SSLContext tls) {
    try {
      HttpsServer https =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      return new LocalArgoCd(https);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the fake Argo CD on a loopback port", e);
    }
  }

  /** The base URL to give the client, with a trailing slash. */
  public String url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Client settings pointing at this fake with its token. */
  public ArgoCdSettings settings() {
    return ArgoCdSettings.of(url(), TOKEN);
  }

  /**
   * Answers 403 to every request needing this RBAC action ({@code get}, {@code sync}, {@code
   * update}).
   */
  public void deny(String action) {
    denied.add(action);
  }

  /** Every request received so far, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests with this method whose path ends with the suffix. */
  public List<RecordedRequest> requests(String method, String pathSuffix) {
    List<RecordedRequest> matching = new ArrayList<>();
    for (RecordedRequest r : requests) {
      if (r.method().equals(method) && r.path().endsWith(pathSuffix)) {
        matching.add(r);
      }
    }
    return matching;
  }

  /** The application as the fake holds it now, in Argo CD's JSON shape. */
  public ObjectNode application(String name) {
    return state.app(name);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body = raw.length == 0 ? NullNode.getInstance() : json.readTree(raw);
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(
          new RecordedRequest(
              method, path, query == null ? "" : query, body, auth == null ? "" : auth));
      if (path.equals("/api/version")) {
        // public in Argo CD too; its shape: {"Version":"v2.13.1+af54ef8", "BuildDate": …}
        send(exchange, 200, "{\"Version\":\"" + VERSION + "\"}", "application/json");
        return;
      }
      if (!path.startsWith(PREFIX)) {
        send(exchange, 404, "404 page not found", "text/plain");
        return;
      }
      if (!("Bearer " + TOKEN).equals(auth)) {
        error(exchange, 401, 16, "invalid session: token signature is invalid");
        return;
      }
      route(exchange, method, path.substring(PREFIX.length()), query, body);
    }
  }

  private void route(HttpExchange exchange, String method, String rest, String query, JsonNode body)
      throws IOException {
    String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
    if (parts.length == 0) {
      if (allowed(exchange, "get", "*")) {
        ok(exchange, state.list(param(query, "projects")));
      }
      return;
    }
    String name = parts[0];
    String sub = parts.length > 1 ? parts[1] : "";
    String action =
        switch (sub) {
          case "sync", "rollback" -> "sync";
          default -> "PATCH".equals(method) ? "update" : "get";
        };
    if (!state.has(name)) {
      error(exchange, 404, 5, "applications.argoproj.io \"" + name + "\" not found");
      return;
    }
    if (!allowed(exchange, action, name)) {
      return;
    }
    switch (method + " " + sub) {
      case "GET " ->
          ok(exchange, param(query, "refresh") == null ? state.app(name) : state.refresh(name));
      case "GET resource-tree" -> ok(exchange, state.tree(name));
      case "GET managed-resources" -> ok(exchange, state.managed(name));
      case "POST sync" -> ok(exchange, state.sync(name, body));
      case "POST rollback" -> {
        Object result = state.rollback(name, body);
        if (result instanceof JsonNode app) {
          ok(exchange, app);
        } else {
          error(exchange, 400, 9, (String) result);
        }
      }
      case "PATCH " -> {
        if (!"merge".equals(body.path("patchType").asText())) {
          error(exchange, 400, 3, "the fake Argo CD applies merge patches only");
        } else {
          ok(exchange, state.patch(name, json.readTree(body.path("patch").asText())));
        }
      }
      default -> error(exchange, 404, 5, "Not Found");
    }
  }

  private boolean allowed(HttpExchange exchange, String action, String name) throws IOException {
    if (!denied.contains(action)) {
      return true;
    }
    error(
        exchange,
        403,
        7,
        "permission denied: applications, "
            + action
            + ", shop/"
            + name
            + ", sub: jamie, iat: 2026-11-21T09:00:00Z");
    return false;
  }

  private void ok(HttpExchange exchange, JsonNode node) throws IOException {
    send(exchange, 200, json.writeValueAsString(node), "application/json");
  }

  private void error(HttpExchange exchange, int status, int code, String message)
      throws IOException {
    ObjectNode body = json.createObjectNode();
    body.put("error", message).put("code", code).put("message", message);
    send(exchange, status, json.writeValueAsString(body), "application/json");
  }

  private static void send(HttpExchange exchange, int status, String body, String type)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String param(String query, String key) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(key)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
