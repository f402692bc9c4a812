package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import dev.jamiescarlet.bot.testing.Addresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /jamie status} and the management port's /health in the demo: Slack (the sandbox), MongoDB
 * (embedded), the demo cluster and its Kamaji tenants, the scripted model, the local Argo CD and
 * the sandbox's Prometheus and Alertmanager stand-ins up; Grafana and Ollama not configured.
 */
class DemoStatusIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Pattern LINE =
      Pattern.compile("\\*([^*]+)\\* · (up|down|degraded|not configured)");

  private static Demo demo;
  private static SandboxClient slack;
  private static String modelHost;

  @BeforeAll
  static void start() {
    demo =
        Demo.start(
            Map.of(
                "JAMIE_SANDBOX_PORT",
                "0",
                "JAMIE_HTTP_PORT",
                "0",
                "JAMIE_MEMORY",
                "false",
                Demo.SCRIPTED_MODEL,
                "true"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
    modelHost = "@" + URI.create(demo.scriptedModel().baseUrl()).getAuthority();
  }

  @AfterAll
  static void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  /** What each dependency should report in the demo. */
  private static Map<String, String> expected() {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("slack", "up");
    e.put("mongodb", "up");
    e.put("cluster:demo", "up");
    e.put("cluster:tenant-a", "up");
    e.put("cluster:tenant-b", "up");
    e.put("model:meta-llama/Llama-3.1-8B-Instruct" + modelHost, "up");
    e.put("model:meta-llama/Llama-3.3-70B-Instruct" + modelHost, "up");
    e.put("model:llama3.1:8b", "not configured");
    e.put("model:llama3.3:70b", "not configured");
    e.put("argocd", "up");
    e.put("grafana", "not configured");
    e.put("prometheus", "up");
    e.put("alertmanager", "up");
    e.put("alert intake", "up");
    return e;
  }

  @Test
  void statusShowsEveryDependencysState() {
    // when
    String since = slack.post("C0SHOP", "U0ADA", "/jamie status");

    // then
    JsonNode reply =
        slack.awaitMessage("C0SHOP", since, m -> m.toString().contains("dependencies up"), WAIT);
    Map<String, String> shown = new LinkedHashMap<>();
    for (JsonNode block : reply.path("blocks")) {
      Matcher m = LINE.matcher(block.path("text").path("text").asText());
      if (m.find()) {
        shown.put(m.group(1), m.group(2));
      }
    }
    assertThat(shown).containsExactlyInAnyOrderEntriesOf(expected());
    String text = reply.toString();
    assertThat(text)
        .contains(
            "11 of 11 dependencies up · 3 not configured",
            "Argo CD v2.13.1+local",
            "set JAMIE_GRAFANA_URL",
            "set OLLAMA_BASE_URL",
            "no deliveries set aside");
  }

  @Test
  void readyzSaysOnlyReadyAndTheManagementPortListsTheDependencies() throws Exception {
    // when
    HttpResponse<String> ready = get(demo.bot().httpPort(), "/readyz");
    HttpResponse<String> health = get(demo.bot().managementPort(), "/health");

    // then /readyz names nothing; /health lists every dependency with state and latency
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(health.body());
    assertThat(body.path("status").asText()).isEqualTo("ready");
    assertThat(body.path("failing").isObject()).isTrue();
    Map<String, String> states = new LinkedHashMap<>();
    for (JsonNode d : body.path("dependencies")) {
      states.put(d.path("name").asText(), d.path("state").asText());
      assertThat(d.path("latencyMs").isIntegralNumber()).isTrue();
      assertThat(d.path("required").asBoolean())
          .isEqualTo(d.path("name").asText().equals("mongodb"));
    }
    assertThat(states).containsExactlyInAnyOrderEntriesOf(expected());
  }

  @Test
  void theDemosBotPortIsOnLoopbackOnly() throws Exception {
    // given an address of this machine that is not loopback
    Optional<InetAddress> external = Addresses.external();
    Assumptions.assumeTrue(external.isPresent(), "no non-loopback IPv4 address here");

    // then neither the bot's port (with its published hook token) nor the management port answers
    assertThat(Addresses.accepts(external.get(), demo.bot().httpPort())).isFalse();
    assertThat(Addresses.accepts(external.get(), demo.bot().managementPort())).isFalse();
    assertThat(Addresses.accepts(InetAddress.getLoopbackAddress(), demo.bot().httpPort())).isTrue();
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
