package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Bot;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.http.StartupException;
import dev.jamiescarlet.bot.sandbox.DemoCluster;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SlackSandbox;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP mode: the sandbox posts signed requests to the bot's POST /slack/events as Slack does, and
 * requests that are forged, stale or unsigned are turned away before anything runs.
 */
class HttpModeIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String SECRET = "sandbox-signing-secret";

  private static DemoCluster cluster;
  private static KubeconfigClusterRegistry clusters;
  private static SlackSandbox sandbox;
  private static Bot bot;
  @TempDir static Path dataDir;
  private static SandboxClient slack;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    cluster = DemoCluster.start();
    Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    clients.put("demo", cluster.client());
    clusters = KubeconfigClusterRegistry.of(clients, "demo", "demo");
    // the sandbox must know the bot's port before the bot binds it: a port another process takes
    // in between is tried again with a new one
    for (int attempt = 1; bot == null; attempt++) {
      try {
        startOn(freePort());
      } catch (StartupException e) {
        sandbox.close();
        if (attempt == 3) {
          throw e;
        }
      }
    }
    slack = new SandboxClient(sandbox.baseUrl());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void startOn(int botPort) {
    SandboxConfig sandboxConfig =
        SandboxConfig.defaults(0)
            .withHttpDelivery(URI.create("http://127.0.0.1:" + botPort + "/slack/events"));
    sandbox = new SlackSandbox(sandboxConfig).start();
    JamieConfig config =
        JamieConfig.fromEnv(
            Map.of(
                "JAMIE_SLACK_MODE",
                "http",
                "SLACK_BOT_TOKEN",
                sandboxConfig.botToken(),
                "SLACK_SIGNING_SECRET",
                SECRET,
                "SLACK_API_URL",
                sandbox.apiUrl(),
                "JAMIE_HTTP_PORT",
                String.valueOf(botPort),
                "JAMIE_HTTP_BIND",
                "127.0.0.1",
                "JAMIE_MANAGEMENT_PORT",
                "0",
                "JAMIE_DATA_DIR",
                dataDir.toString()));
    bot = Bot.start(config, clusters);
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (clusters != null) {
      clusters.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String form(String text, String responseUrl) {
    return "token=x&team_id=T0SANDBOX&channel_id=C0SHOP&channel_name=shop&user_id=U0ADA&user_name=ada"
        + "&command=%2Fjamie&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&response_url="
        + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
        + "&trigger_id="
        + System.nanoTime()
        + ".1.abc&api_app_id=A0JAMIE";
  }

  private static String sign(String ts, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "v0="
        + HexFormat.of()
            .formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> postToBot(
      String body, String contentType, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.httpPort() + "/slack/events"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String now() {
    return String.valueOf(System.currentTimeMillis() / 1000);
  }

  @Test
  void aSignedSlashCommandFromTheSandboxIsAnswered() {
    String since = slack.post("C0SHOP", "U0ADA", "/jamie describe deploy/payments -n shop");
    JsonNode reply =
        slack.awaitMessage(
            "C0SHOP",
            since,
            m -> m.has("bot_id") && m.toString().contains("payments:v9.9.9"),
            WAIT);
    assertThat(reply.toString()).contains("ImagePullBackOff");
  }

  @Test
  void aCorrectlySignedRequestGets200AndHelpInTheAck() throws Exception {
    String body = form("help", sandbox.baseUrl() + "/response/none");
    String ts = now();
    HttpResponse<String> r =
        postToBot(
            body,
            "application/x-www-form-urlencoded",
            Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", sign(ts, body)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("ephemeral").contains("logs POD|deploy/NAME");
  }

  @Test
  void forgedStaleAndUnsignedRequestsGet401AndRunNothing() throws Exception {
    String marker = "forged-" + System.nanoTime();
    String body = form("describe deploy/" + marker, sandbox.baseUrl() + "/response/none");
    String ts = now();
    String stale = String.valueOf(System.currentTimeMillis() / 1000 - 6 * 60);

    HttpResponse<String> forged =
        postToBot(
            body,
            "application/x-www-form-urlencoded",
            Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", "v0=" + "0".repeat(64)));
    HttpResponse<String> wrongSecret =
        postToBot(
            body,
            "application/x-www-form-urlencoded",
            Map.of(
                "X-Slack-Request-Timestamp", ts, "X-Slack-Signature", sign(ts, body + "tampered")));
    HttpResponse<String> staleSigned =
        postToBot(
            body,
            "application/x-www-form-urlencoded",
            Map.of("X-Slack-Request-Timestamp", stale, "X-Slack-Signature", sign(stale, body)));
    HttpResponse<String> unsigned = postToBot(body, "application/x-www-form-urlencoded", Map.of());

    assertThat(List.of(forged, wrongSecret, staleSigned, unsigned))
        .extracting(HttpResponse::statusCode)
        .containsOnly(401);
    Thread.sleep(500);
    assertThat(slack.messagesSince("C0SHOP", "0").toString()).doesNotContain(marker);
  }

  @Test
  void aSignedButMalformedPayloadGets400() throws Exception {
    String body = "payload=%7Bnot-json";
    String ts = now();
    HttpResponse<String> r =
        postToBot(
            body,
            "application/x-www-form-urlencoded",
            Map.of("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", sign(ts, body)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("Exception");
  }

  @Test
  void aTripleDeliveryOfOneEventGetsOneReply() throws InterruptedException {
    String ts = slack.post("C0SHOP", "U0ADA", "@jamie events -n shop --warnings", null, 3);
    slack.awaitMessage(
        "C0SHOP", ts, m -> m.has("bot_id") && ts.equals(m.path("thread_ts").asText()), WAIT);
    Thread.sleep(1500);
    long replies =
        slack.messagesSince("C0SHOP", ts).stream()
            .filter(m -> m.has("bot_id") && ts.equals(m.path("thread_ts").asText()))
            .count();
    assertThat(replies).isEqualTo(1);
  }

  @Test
  void healthAndReadiness() throws Exception {
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.httpPort() + "/healthz"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.httpPort() + "/readyz"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
  }
}
