package dev.jamiescarlet.bot.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes the demo cluster's requests: pod logs from {@link DemoLogs}, then expectations, then the
 * CRUD store.
 *
 * <p>Logs are answered here rather than through expectations because expectations match the path
 * and query string exactly, and every tailLines value would need its own.
 */
final class DemoDispatcher extends Dispatcher {
  private static final Pattern LOG_PATH =
      Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");

  private final MockDispatcher expectations;
  private final KubernetesCrudDispatcher crud;
  private final DemoLogs logs;

  DemoDispatcher(
      Map<ServerRequest, Queue<ServerResponse>> responses,
      KubernetesCrudDispatcher crud,
      DemoLogs logs) {
    this.expectations = new MockDispatcher(responses);
    this.crud = crud;
    this.logs = logs;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    URI uri = URI.create(request.getPath());
    Matcher log = LOG_PATH.matcher(uri.getPath());
    if ("GET".equals(request.getMethod()) && log.matches()) {
      return logs(log.group(1), log.group(2), query(uri.getRawQuery()));
    }
    if (dryRun(request)) {
      // like a real API server: validate and answer, change nothing (the mock would apply it)
      String path = request.getPath();
      String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      return crud.dispatch(
          new RecordedRequest(
              request.getHttpVersion(), HttpMethod.GET, plain, request.getHeaders(), new Buffer()));
    }
    MockResponse expected = expectations.dispatch(request);
    return expected.code() == 404 ? crud.dispatch(request) : expected;
  }

  private static boolean dryRun(RecordedRequest request) {
    HttpMethod method = request.method();
    if (method != HttpMethod.PATCH && method != HttpMethod.DELETE && method != HttpMethod.PUT) {
      return false;
    }
    // fabric8 sends a patch's dry run in the query and a delete's in the DeleteOptions body
    return request.getPath().contains("dryRun=All")
        || method == HttpMethod.DELETE
            && request.getBody() != null
            && request.getUtf8Body().replace(" ", "").contains("\"dryRun\":[\"All\"]");
  }

  private MockResponse logs(String namespace, String pod, Map<String, String> query) {
    String container = query.get("container");
    boolean previous = Boolean.parseBoolean(query.get("previous"));
    List<String> lines = logs.lines(namespace, pod, container, previous);
    if (lines == null) {
      String message =
          previous
              ? "previous terminated container \""
                  + container
                  + "\" in pod \""
                  + pod
                  + "\" not found"
              : "container \"" + container + "\" in pod \"" + pod + "\" is waiting to start";
      return new MockResponse()
          .setResponseCode(400)
          .setHeader("Content-Type", "application/json")
          .setBody(
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
                  + message.replace("\"", "\\\"")
                  + "\",\"reason\":\"BadRequest\",\"code\":400}");
    }
    int tail = lines.size();
    if (query.containsKey("tailLines")) {
      tail = Math.max(0, Math.min(tail, Integer.parseInt(query.get("tailLines"))));
    }
    String body = String.join("\n", lines.subList(lines.size() - tail, lines.size()));
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "text/plain")
        .setBody(body.isEmpty() ? "" : body + "\n");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.put(key, value);
    }
    return values;
  }
}
