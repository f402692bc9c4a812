package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.http.HttpServer;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SlackSandbox;
import dev.jamiescarlet.bot.sandbox.webapi.WebApiFaults;
import dev.jamiescarlet.bot.slack.BoltApps;
import dev.jamiescarlet.bot.slack.SlackReplier;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.tools.monitoring.Eventually;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack failing under the real alert path: webhooks over HTTP into the real intake, processor,
 * MongoDB (embedded), outbox and Slack SDK client, against the sandbox Slack switched to answer
 * 500s, a 429 storm, or nothing at all. After it heals, every group has exactly one top-level
 * message showing its latest state and one alerts reply, and no channel got two writes under a
 * second apart.
 *
 * <p>"Hanging" is played by holding each call until the test heals the sandbox: the client's read
 * timeout (2 s here, 30 s in production) cuts each held call, so the outbox backs off exactly as it
 * would through a two-minute hang, in seconds.
 */
class SlackFaultsIT {
  private static final String TOKEN = "hook-secret";
  private static final List<String> CHANNELS = List.of("C0FAULTA", "C0FAULTB");
  private static final int GROUPS = 6;

  /** Short waits so each test takes seconds; back-off itself keeps production's 1 s → 5 min. */
  private static final SlackOutbox.Timing TIMING =
      new SlackOutbox.Timing(Duration.ofSeconds(5), SlackOutbox.FIRST_RETRY, SlackOutbox.MAX_RETRY);

  private static final BoltApps.Timeouts TIMEOUTS =
      new BoltApps.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));

  @TempDir Path dir;

  private SlackSandbox sandbox;
  private Mongo mongo;
  private AlertIntake intake;
  private HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start();
    for (int c = 0; c < CHANNELS.size(); c++) {
      sandbox.addChannel(CHANNELS.get(c), "faults-" + c);
    }
    Slack slack = BoltApps.slack(sandbox.apiUrl(), Telemetry.noop(), TIMEOUTS);
    SlackReplier replier =
        new SlackReplier(slack, sandbox.config().botToken(), new BlockKitRenderer());
    mongo = Mongo.embedded(dir);
    List<AlertRoutes.Route> routes = new ArrayList<>();
    for (int c = 0; c < CHANNELS.size(); c++) {
      routes.add(
          new AlertRoutes.Route(
              List.of(AlertRoutes.Matcher.parse("team=t" + c, "test")), CHANNELS.get(c)));
    }
    Clock clock = Clock.systemUTC();
    intake =
        new AlertIntake(
            new AlertsConfig(TOKEN, null, null, null, "C0ALERTS", null),
            mongo.database(),
            replier,
            clock,
            new AlertRoutes(routes, "C0ALERTS"),
            OutboxScheduler.threaded(clock),
            new AlertMessages(clock),
            null,
            TIMING);
    server = new HttpServer("127.0.0.1", 0, null, java.util.Map::of, intake.hooks()).start();
  }

  @AfterEach
  void stop() {
    sandbox.faults().heal();
    if (server != null) {
      server.close();
    }
    if (intake != null) {
      intake.close();
    }
    if (mongo != null) {
      mongo.close();
    }
    sandbox.close();
  }

  @Test
  void slackAnswering500sDelaysAlertPostsButLosesNone() throws Exception {
    outage(WebApiFaults::serverErrors, Duration.ofSeconds(6));
  }

  @Test
  void a429StormIsWaitedOutAndThePostsArePaced() throws Exception {
    outage(f -> f.rateLimit(1), Duration.ofSeconds(8));
  }

  @Test
  void aHangingSlackIsCutByTheClientTimeoutAndNothingIsLost() throws Exception {
    outage(WebApiFaults::hang, Duration.ofSeconds(7));
  }

  private void outage(Consumer<WebApiFaults> fault, Duration length) throws Exception {
    // given Slack failing while alerts arrive: each group fires two alerts, then one resolves
    fault.accept(sandbox.faults());
    WebApiFaults.Mode mode = sandbox.faults().mode();
    for (int g = 0; g < GROUPS; g++) {
      assertThat(deliver(g, false)).isEqualTo(200);
    }
    Thread.sleep(length.toMillis() / 2);
    for (int g = 0; g < GROUPS; g++) {
      assertThat(deliver(g, true)).isEqualTo(200);
    }
    Thread.sleep(length.toMillis() / 2);
    assertThat(sandbox.faults().faulted()).as("calls that met the fault").isPositive();
    assertThat(intake.groups().unsent(100)).as("groups waiting for Slack").hasSize(GROUPS);

    // when Slack recovers
    long healedMicros = System.currentTimeMillis() * 1000;
    sandbox.faults().heal();

    // then every group catches up
    Eventually.await(
        "every group up to date in Slack",
        Duration.ofSeconds(45),
        () -> intake.groups().behind(),
        List::isEmpty);

    // and each has exactly one top-level message showing its latest state, and one reply
    SandboxClient client = new SandboxClient(sandbox.baseUrl());
    long lastWrite = 0;
    for (int c = 0; c < CHANNELS.size(); c++) {
      String channel = CHANNELS.get(c);
      List<JsonNode> messages = client.messagesSince(channel, null);
      List<JsonNode> top = messages.stream().filter(SlackFaultsIT::topLevel).toList();
      assertThat(top).as("top-level messages in %s", channel).hasSize(GROUPS / CHANNELS.size());
      for (JsonNode m : top) {
        assertThat(m.path("text").asText()).contains("(1 firing, 1 resolved)");
        assertThat(messages.stream().filter(r -> repliesTo(r, m)))
            .as("replies to %s", m.path("text").asText())
            .hasSize(1);
      }
      // and no two writes in one channel were under a second apart
      List<Long> writes = sandbox.writeTimes(channel);
      for (int i = 1; i < writes.size(); i++) {
        assertThat(writes.get(i) - writes.get(i - 1))
            .as("µs between writes %d and %d in %s", i - 1, i, channel)
            .isGreaterThanOrEqualTo(990_000L);
      }
      lastWrite = Math.max(lastWrite, writes.getLast());
    }
    System.out.printf(
        Locale.ROOT,
        "SlackFaultsIT %s: %d faulted calls, 0 groups lost; last post %.1f s after Slack"
            + " recovered%n",
        mode,
        sandbox.faults().faulted(),
        (lastWrite - healedMicros) / 1e6);
  }

  private static boolean topLevel(JsonNode m) {
    String thread = m.path("thread_ts").asText("");
    return thread.isEmpty() || thread.equals(m.path("ts").asText());
  }

  private static boolean repliesTo(JsonNode reply, JsonNode parent) {
    return !topLevel(reply) && reply.path("thread_ts").asText().equals(parent.path("ts").asText());
  }

  private int deliver(int group, boolean resolveOne) throws Exception {
    StringBuilder alerts = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      alerts
          .append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"status\":\"%s\",\"labels\":{\"alertname\":\"PodDown\",\"team\":\"t%d\","
                      + "\"pod\":\"p%d\"},\"startsAt\":\"2026-11-21T09:00:00Z\","
                      + "\"fingerprint\":\"fp%d-%d\"}",
                  resolveOne && i == 0 ? "resolved" : "firing",
                  group % CHANNELS.size(),
                  i,
                  group,
                  i));
    }
    String body =
        String.format(
            Locale.ROOT,
            "{\"version\":\"4\",\"groupKey\":\"{}:{service=\\\"g%d\\\"}\",\"status\":\"firing\","
                + "\"commonLabels\":{\"alertname\":\"PodDown\"},\"alerts\":[%s]}",
            group,
            alerts);
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/hooks/alertmanager"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
