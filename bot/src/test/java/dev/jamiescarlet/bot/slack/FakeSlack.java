package dev.jamiescarlet.bot.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal Slack Web API double on a local port: just the methods SlackReplier calls. */
final class FakeSlack implements AutoCloseable {

  /** One request as received. */
  record Request(String path, Map<String, String> form, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** A scripted reply. */
  record Reply(int status, Map<String, String> headers, String body) {
    static Reply ok(String json) {
      return new Reply(200, Map.of(), json);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();

  FakeSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next call to {@code path} (e.g. {@code /api/chat.postMessage}) gets {@code reply}. */
  void script(String path, Reply reply) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).add(reply);
  }

  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    requests.add(new Request(path, form(body), body));
    Deque<Reply> queue = scripted.get(path);
    Reply reply = queue == null || queue.isEmpty() ? defaultReply(path) : queue.poll();
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  private Reply defaultReply(String path) {
    return switch (path) {
      case "/api/chat.postMessage" ->
          Reply.ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700.0001\"}");
      case "/api/chat.postEphemeral" -> Reply.ok("{\"ok\":true,\"message_ts\":\"1700.0002\"}");
      case "/api/conversations.open" -> Reply.ok("{\"ok\":true,\"channel\":{\"id\":\"D1\"}}");
      case "/api/files.getUploadURLExternal" ->
          Reply.ok("{\"ok\":true,\"upload_url\":\"" + base() + "/upload/F1\",\"file_id\":\"F1\"}");
      case "/api/files.completeUploadExternal" ->
          Reply.ok("{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"t\"}]}");
      case "/upload/F1" -> new Reply(200, Map.of(), "OK - 1");
      default ->
          path.startsWith("/api/") ? Reply.ok("{\"ok\":true}") : new Reply(200, Map.of(), "ok");
    };
  }

  private static Map<String, String> form(byte[] body) {
    Map<String, String> form = new LinkedHashMap<>();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.isEmpty() || text.startsWith("{")) {
      return form;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
