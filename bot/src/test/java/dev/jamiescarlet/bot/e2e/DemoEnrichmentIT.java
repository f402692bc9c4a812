package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.alerts.AlertButtons;
import dev.jamiescarlet.bot.memory.MemoryServices;
import dev.jamiescarlet.bot.sandbox.DemoAlert;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import dev.jamiescarlet.tools.alertmanager.AlertFilter;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.alertmanager.Matcher;
import dev.jamiescarlet.tools.alertmanager.Silence;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's Fire demo alert → the bot's real webhook → one message in #alerts with logs,
 * events, a chart and runbooks in its thread; Silence 1h silences it in the demo's Alertmanager;
 * Resolve demo alert turns the same message green.
 */
class DemoEnrichmentIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void startDemo() {
    demo = Demo.start(Map.of("JAMIE_SANDBOX_PORT", "0", "JAMIE_HTTP_PORT", "0"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
    // the runbooks are indexed once the model has loaded
    MemoryServices memory = demo.bot().memory();
    memory.model().awaitReady();
    memory.syncNow();
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  // what the console's buttons do
  private static HttpResponse<String> control(String status) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(demo.sandbox().baseUrl() + "/sandbox/api/demo/alert"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}"))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static boolean topLevel(JsonNode m) {
    String thread = m.path("thread_ts").asText("");
    return thread.isEmpty() || thread.equals(m.path("ts").asText());
  }

  @Test
  void fireDemoAlertPostsOneEnrichedMessageAndResolveUpdatesIt() throws Exception {
    // when the console's Fire demo alert is clicked
    HttpResponse<String> fired = control("firing");
    assertThat(fired.statusCode()).as(fired.body()).isEqualTo(200);
    assertThat(fired.body()).contains("\"hook_status\":200");

    // then one message for checkout appears in #alerts
    JsonNode message =
        slack.awaitMessage(
            Demo.ALERT_CHANNEL,
            null,
            m ->
                topLevel(m)
                    && m.toString().contains("FIRING")
                    && m.toString().contains(DemoAlert.POD),
            WAIT);
    String ts = message.path("ts").asText();
    assertThat(message.toString()).contains(DemoAlert.POD);

    // and its thread gets the logs, events, diagnosis and runbooks
    JsonNode context =
        slack.awaitMessage(
            Demo.ALERT_CHANNEL,
            null,
            m -> ts.equals(m.path("thread_ts").asText()) && m.toString().contains("Context for"),
            WAIT);
    assertThat(context.toString())
        .contains("previous run")
        .contains("Connection refused")
        .contains("BackOff")
        .contains("checkout is crash-looping")
        .contains("Source: `")
        .contains(".md`")
        .doesNotContain("chart skipped")
        .doesNotContain("unavailable");

    // and the chart from the synthetic Prometheus as a PNG file in the thread
    JsonNode chart =
        slack.awaitMessage(
            Demo.ALERT_CHANNEL,
            null,
            m -> ts.equals(m.path("thread_ts").asText()) && m.path("files").size() > 0,
            WAIT);
    JsonNode file = chart.path("files").get(0);
    assertThat(file.path("name").asText()).endsWith(".png");
    assertThat(file.path("size").asInt()).isGreaterThan(2_000);

    // when Ada clicks Silence 1h on it
    slack.click(Demo.ALERT_CHANNEL, "U0ADA", AlertButtons.SILENCE + "1h", null);

    // then the demo's Alertmanager holds the silence, and the same message shows it
    slack.awaitMessage(
        Demo.ALERT_CHANNEL,
        null,
        m -> m.path("ts").asText().equals(ts) && m.toString().contains("Silenced by <@U0ADA>"),
        WAIT);
    AlertmanagerClient alertmanager = AlertmanagerClient.of(demo.sandbox().demoAlertmanagerUrl());
    Silence silence = alertmanager.silences().getFirst();
    assertThat(silence.active()).isTrue();
    assertThat(silence.matchers()).contains(Matcher.equal("pod", DemoAlert.POD));
    assertThat(alertmanager.alerts(AlertFilter.all()).getFirst().silencedBy())
        .containsExactly(silence.id());

    // when Resolve demo alert is clicked
    HttpResponse<String> resolved = control("resolved");
    assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);

    // then the same message shows it resolved, and nothing was posted twice
    slack.awaitMessage(
        Demo.ALERT_CHANNEL,
        null,
        m -> m.path("ts").asText().equals(ts) && m.toString().contains("RESOLVED"),
        WAIT);
    List<JsonNode> all = slack.messagesSince(Demo.ALERT_CHANNEL, null);
    assertThat(all.stream().filter(DemoEnrichmentIT::topLevel)).hasSize(1);
    assertThat(
            all.stream()
                .filter(m -> ts.equals(m.path("thread_ts").asText()))
                .filter(m -> m.toString().contains("Context for")))
        .hasSize(1);
  }
}
