package dev.jamiescarlet.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP delivery: signed requests to a local endpoint that checks them with Bolt's verifier. */
class HttpDeliveryIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  record Received(Map<String, String> headers, String body, boolean signatureValid) {}

  private static final List<Received> received = new CopyOnWriteArrayList<>();
  private static Javalin bot;
  private static SlackSandbox sandbox;
  private static SandboxClient client;

  @BeforeAll
  static void start() {
    SandboxConfig defaults = SandboxConfig.defaults(0);
    SlackSignature.Verifier verifier =
        new SlackSignature.Verifier(new SlackSignature.Generator(defaults.signingSecret()));
    bot =
        Javalin.create(
                cfg ->
                    cfg.routes.post(
                        "/slack/events",
                        ctx -> {
                          String ts = ctx.header("X-Slack-Request-Timestamp");
                          boolean valid =
                              verifier.isValid(ts, ctx.body(), ctx.header("X-Slack-Signature"));
                          received.add(new Received(ctx.headerMap(), ctx.body(), valid));
                          if (ctx.body().contains("command=%2Fjamie")) {
                            ctx.contentType("application/json")
                                .result(
                                    "{\"response_type\":\"ephemeral\",\"text\":\"hi from http\"}");
                          }
                        }))
            .start("127.0.0.1", 0);
    sandbox =
        new SlackSandbox(
                defaults.withHttpDelivery(
                    URI.create("http://127.0.0.1:" + bot.port() + "/slack/events")))
            .start();
    client = new SandboxClient(sandbox.baseUrl());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    bot.stop();
  }

  @BeforeEach
  void clear() {
    received.clear();
  }

  @Test
  void givenSlashCommand_whenBotAnswersWithJson_thenAnswerIsEphemeralAndSignatureValid() {
    String ts = client.post("C0SHOP", "U0CAT", "/jamie pods -n shop");

    JsonNode answer =
        client.awaitMessage(
            "C0SHOP", ts, m -> "hi from http".equals(m.path("text").asText()), WAIT);

    assertThat(answer.path("visible_to").asText()).isEqualTo("U0CAT");
    assertThat(received).hasSize(1);
    Received r = received.get(0);
    assertThat(r.signatureValid()).isTrue();
    assertThat(r.headers().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(r.body()).contains("text=pods+-n+shop").contains("user_id=U0CAT");
  }

  @Test
  void givenTwoDeliveries_whenMentioned_thenRetryCarriesHeadersAndSameEventId() throws Exception {
    client.post("C0SHOP", "U0ADA", "@jamie hello", null, 2);

    awaitReceived(2);
    JsonNode first = Json.parse(received.get(0).body());
    JsonNode second = Json.parse(received.get(1).body());
    assertThat(first.path("type").asText()).isEqualTo("event_callback");
    assertThat(first.path("event").path("type").asText()).isEqualTo("app_mention");
    assertThat(first.path("event").path("text").asText()).isEqualTo("<@U0JAMIE> hello");
    assertThat(second.path("event_id").asText()).isEqualTo(first.path("event_id").asText());
    assertThat(received.get(0).headers()).doesNotContainKey("X-Slack-Retry-Num");
    assertThat(received.get(1).headers()).containsEntry("X-Slack-Retry-Num", "1");
    assertThat(received.get(1).headers()).containsEntry("X-Slack-Retry-Reason", "http_timeout");
    assertThat(received).allMatch(Received::signatureValid);
  }

  @Test
  void givenBotMessageWithButton_whenClicked_thenPayloadIsFormEncodedBlockActions()
      throws Exception {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(sandbox.apiUrl());
    Slack.getInstance(config)
        .methods(sandbox.config().botToken())
        .chatPostMessage(
            r ->
                r.channel("C0GENERAL")
                    .text("Approve?")
                    .blocksAsString(
                        "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"approve\",\"value\":\"42\",\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"}}]}]"));

    client.click("C0GENERAL", "U0CAT", "approve", "42");

    awaitReceived(1);
    String body = received.get(0).body();
    assertThat(body).startsWith("payload=");
    JsonNode payload =
        Json.parse(URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8));
    assertThat(payload.path("type").asText()).isEqualTo("block_actions");
    assertThat(payload.path("actions").get(0).path("value").asText()).isEqualTo("42");
    assertThat(payload.path("message").path("text").asText()).isEqualTo("Approve?");
    assertThat(received.get(0).signatureValid()).isTrue();
  }

  private static void awaitReceived(int n) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (received.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(received).hasSizeGreaterThanOrEqualTo(n);
  }
}
