package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import java.io.IOException;
import java.io.InputStream;
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

/** Alertmanager → the demo bot's webhook → one message in #alerts, updated in place on resolve. */
class DemoAlertsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void startDemo() {
    demo =
        Demo.start(
            Map.of("JAMIE_SANDBOX_PORT", "0", "JAMIE_HTTP_PORT", "0", "JAMIE_MEMORY", "false"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  private static int postHook(String fixture) throws IOException, InterruptedException {
    byte[] body;
    try (InputStream in = DemoAlertsIT.class.getResourceAsStream("/alerts/" + fixture)) {
      body = in.readAllBytes();
    }
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + demo.bot().httpPort() + "/hooks/alertmanager"))
            .header("Authorization", "Bearer " + Demo.HOOK_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static boolean topLevel(JsonNode m) {
    return m.path("thread_ts").isMissingNode()
        || m.path("thread_ts").asText().isEmpty()
        || m.path("thread_ts").asText().equals(m.path("ts").asText());
  }

  @Test
  void aFiringAlertIsOneMessageInAlertsAndItsResolutionUpdatesThatMessage() throws Exception {
    // when Alertmanager posts a firing group
    assertThat(postHook("alertmanager-firing.json")).isEqualTo(200);

    // then one message appears in #alerts
    JsonNode firing =
        slack.awaitMessage(
            Demo.ALERT_CHANNEL,
            null,
            m -> topLevel(m) && m.toString().contains("FIRING: KubePodCrashLooping"),
            WAIT);
    String ts = firing.path("ts").asText();
    assertThat(firing.toString()).contains("2 firing", "checkout-7d9c8b6f5-x2k4p");

    // when the resolved notification arrives
    assertThat(postHook("alertmanager-resolved.json")).isEqualTo(200);

    // then the same message (same ts) shows it resolved
    JsonNode resolved =
        slack.awaitMessage(
            Demo.ALERT_CHANNEL,
            null,
            m -> m.path("ts").asText().equals(ts) && m.toString().contains("RESOLVED"),
            WAIT);
    assertThat(resolved.toString()).contains("2 resolved");
    List<JsonNode> headers =
        slack.messagesSince(Demo.ALERT_CHANNEL, null).stream()
            .filter(DemoAlertsIT::topLevel)
            .filter(m -> m.toString().contains("KubePodCrashLooping"))
            .toList();
    assertThat(headers).as("never re-posted").hasSize(1);
  }

  @Test
  void aPayloadRecordedFromARealAlertmanagerIsPostedWithItsDetailsInTheThread() throws Exception {
    // when the body a real Alertmanager sent arrives
    assertThat(postHook("alertmanager-recorded.json")).isEqualTo(200);

    // then its group message shows the summary, and the alert's details follow in its thread
    JsonNode message =
        slack.awaitMessage(
            Demo.ALERT_CHANNEL,
            null,
            m -> topLevel(m) && m.toString().contains("FIRING: Always firing, for tests"),
            WAIT);
    String ts = message.path("ts").asText();
    slack.awaitMessage(
        Demo.ALERT_CHANNEL,
        null,
        m -> ts.equals(m.path("thread_ts").asText()) && m.toString().contains("f01ff91ed5a8d366"),
        WAIT);
  }
}
