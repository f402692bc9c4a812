package dev.jamiescarlet.tools.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.jamiescarlet.tools.monitoring.LocalMonitoring;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Alertmanager's webhook (version 4) as the bot's alert intake will receive it. */
class AlertmanagerWebhookIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String FIXTURE = "/alertmanager/webhook-firing.json";

  @Test
  void theFiringAlertIsPostedToTheWebhookInVersion4Shape() throws Exception {
    // given a tiny webhook receiver and Alertmanager routing to it
    BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hooks/alertmanager",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    URI hook =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/alertmanager");
    try (LocalMonitoring monitoring = LocalMonitoring.start(hook)) {

      // when the always-firing alert has been routed
      String body = bodies.poll(60, TimeUnit.SECONDS);

      // then it is one group, firing, with the rule's labels and annotations
      assertThat(body).as("a webhook POST within 60 s; see %s", monitoring.dir()).isNotNull();
      JsonNode payload = JSON.readTree(body);
      assertThat(payload.path("version").asText()).isEqualTo("4");
      assertThat(payload.path("status").asText()).isEqualTo("firing");
      assertThat(payload.path("receiver").asText()).isEqualTo("test");
      assertThat(payload.path("groupKey").asText()).contains(LocalMonitoring.ALERT_NAME);
      assertThat(payload.path("groupLabels").path("alertname").asText())
          .isEqualTo(LocalMonitoring.ALERT_NAME);
      assertThat(payload.path("commonLabels").path("namespace").asText())
          .isEqualTo(LocalMonitoring.NAMESPACE);
      JsonNode alert = payload.path("alerts").path(0);
      assertThat(alert.path("status").asText()).isEqualTo("firing");
      assertThat(alert.path("labels").path("pod").asText()).isEqualTo(LocalMonitoring.POD);
      assertThat(alert.path("annotations").path("summary").asText()).isNotBlank();
      assertThat(alert.path("fingerprint").asText()).isNotBlank();
      assertThat(alert.path("startsAt").asText()).isNotBlank();
      // and the fixture kept for the intake's tests has exactly the live shape
      saveForFixture(body);
      assertThat(fieldPaths(fixture(), "")).isEqualTo(fieldPaths(payload, ""));
    } finally {
      server.stop(0);
    }
  }

  private static JsonNode fixture() throws IOException {
    try (InputStream in = AlertmanagerWebhookIT.class.getResourceAsStream(FIXTURE)) {
      assertThat(in).as("test resource %s", FIXTURE).isNotNull();
      return JSON.readTree(in);
    }
  }

  /** Every field path of a JSON tree, e.g. {@code alerts[].labels.pod}. */
  private static TreeSet<String> fieldPaths(JsonNode node, String prefix) {
    TreeSet<String> paths = new TreeSet<>();
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        String path = prefix.isEmpty() ? name : prefix + "." + name;
        paths.add(path);
        paths.addAll(fieldPaths(node.get(name), path));
      }
    } else if (node.isArray()) {
      node.forEach(item -> paths.addAll(fieldPaths(item, prefix + "[]")));
    }
    return paths;
  }

  /**
   * Writes the live payload next to the build output, to refresh the fixture by hand when
   * Alertmanager changes.
   */
  private static void saveForFixture(String body) throws IOException {
    Path out = Path.of("target", "webhook-firing.live.json");
    Files.createDirectories(out.getParent());
    Files.writeString(
        out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body)));
  }
}
