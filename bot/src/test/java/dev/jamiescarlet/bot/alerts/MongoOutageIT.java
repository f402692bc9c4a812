package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.http.HttpServer;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SlackSandbox;
import dev.jamiescarlet.bot.slack.SlackReplier;
import dev.jamiescarlet.bot.store.Mongo;
import io.javalin.http.Handler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: MongoDB (mongo-java-server on an H2 file, on a fixed loopback port) is stopped
 * in the middle of an Alertmanager storm sent over HTTP to the real hook, and started again on the
 * same port and file. While it is down the hooks answer 503; every alert answered 200 ends up in
 * exactly one Slack message per group (the sandbox Slack), with no restart of the bot.
 */
class MongoOutageIT {
  private static final String TOKEN = "hook-secret";
  private static final List<String> CHANNELS = List.of("C0ALERTS", "C0SHOP", "C0GENERAL");
  private static final int GROUPS = 9;
  private static final int ROUNDS = 6;
  private static final Pattern TOP =
      Pattern.compile("^(?:Firing|Resolved): (Storm\\d+) \\((\\d+) firing");

  @TempDir Path dir;

  private MongoServer mongoServer;
  private Mongo mongo;
  private SlackSandbox sandbox;
  private Slack slack;
  private SlackOutbox outbox;
  private AlertProcessor processor;
  private HttpServer http;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  // group → fingerprints in deliveries answered 200
  private final Map<Integer, Set<String>> accepted = new ConcurrentHashMap<>();

  private int startMongo(int port) {
    // the same file each time: what was acknowledged before the stop is there after it
    mongoServer = new MongoServer(new H2Backend(dir.resolve("outage.mv").toString()));
    mongoServer.bind("127.0.0.1", port);
    return mongoServer.getLocalAddress().getPort();
  }

  private void stopMongo() {
    // closes the H2 backend, which writes everything acknowledged so far
    mongoServer.shutdownNow();
  }

  @AfterEach
  void stop() throws Exception {
    senders.shutdownNow();
    if (http != null) {
      http.close();
    }
    if (processor != null) {
      processor.close();
    }
    if (outbox != null) {
      outbox.close();
    }
    if (mongo != null) {
      mongo.close();
    }
    if (mongoServer != null) {
      mongoServer.shutdownNow();
    }
    if (slack != null) {
      slack.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private void startBot(int mongoPort) {
    // a short server selection bounds each wait while MongoDB is gone (the hooks' 503s)
    mongo = Mongo.connect("mongodb://127.0.0.1:" + mongoPort + "/jamie", Duration.ofSeconds(1));
    Clock clock = Clock.systemUTC();
    AlertEvents events = new AlertEvents(mongo.database(), clock);
    AlertGroups groups = new AlertGroups(mongo.database());
    sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(sandbox.apiUrl());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    SlackReplier replier =
        new SlackReplier(slack, sandbox.config().botToken(), new BlockKitRenderer());
    outbox =
        new SlackOutbox(
            OutboxScheduler.threaded(clock),
            new AlertPoster(groups, new AlertMessages(clock), replier));
    List<AlertRoutes.Route> routes = new ArrayList<>();
    for (int t = 0; t < CHANNELS.size(); t++) {
      routes.add(
          new AlertRoutes.Route(
              List.of(AlertRoutes.Matcher.parse("team=t" + t, "test")), CHANNELS.get(t)));
    }
    processor =
        new AlertProcessor(events, groups, new AlertRoutes(routes, "C0ALERTS"), outbox, clock)
            .redriveEvery(Duration.ofSeconds(1))
            .start();
    AlertHooks hooks =
        new AlertHooks(
            new HookAuth(new AlertsConfig(TOKEN, null, null, null, "C0ALERTS", null)),
            events,
            processor::accept);
    Map<String, Handler> posts =
        Map.of(AlertSource.ALERTMANAGER.path(), ctx -> hooks.handle(AlertSource.ALERTMANAGER, ctx));
    http = new HttpServer("127.0.0.1", 0, null, Map::of, posts).start();
  }

  // Alertmanager sends the group's whole state: round r carries alerts 0..r
  private static byte[] delivery(int group, int round) {
    String[] fingerprints = new String[round + 1];
    for (int a = 0; a <= round; a++) {
      fingerprints[a] = fingerprint(group, a);
    }
    return AmBodies.body(
        "storm-" + group,
        "Storm" + group,
        Map.of("team", "t" + (group % CHANNELS.size())),
        "firing",
        fingerprints);
  }

  private static String fingerprint(int group, int alert) {
    return String.format("s%02da%02d", group, alert);
  }

  private int send(int group, int round) {
    try {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + http.port() + "/hooks/alertmanager"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(delivery(group, round)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        Set<String> mine = accepted.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet());
        for (int a = 0; a <= round; a++) {
          mine.add(fingerprint(group, a));
        }
      }
      return r.statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  // one round of the storm, every group at once; the statuses by group
  private Map<Integer, Integer> round(int round) throws Exception {
    Map<Integer, Future<Integer>> sent = new HashMap<>();
    for (int g = 0; g < GROUPS; g++) {
      int group = g;
      sent.put(g, senders.submit(() -> send(group, round)));
    }
    Map<Integer, Integer> out = new HashMap<>();
    for (var e : sent.entrySet()) {
      out.put(e.getKey(), e.getValue().get());
    }
    return out;
  }

  @Test
  void mongoDbStoppedMidStormAndStartedAgainLosesNoAcceptedAlert() throws Exception {
    int port = startMongo(0);
    startBot(port);
    List<int[]> refused = new ArrayList<>();

    // a storm: two rounds while MongoDB is up
    for (int r = 0; r < 2; r++) {
      assertThat(round(r).values()).containsOnly(200);
    }

    // MongoDB stops while the third round is in flight
    Future<Map<Integer, Integer>> third = senders.submit(() -> round(2));
    stopMongo();
    third
        .get()
        .forEach(
            (g, status) -> {
              if (status != 200) {
                refused.add(new int[] {g, 2});
              }
            });

    // while it is down every delivery is refused with 503, never accepted
    for (int r = 3; r < 4; r++) {
      Map<Integer, Integer> statuses = round(r);
      assertThat(statuses.values()).containsOnly(503);
      int round = r;
      statuses.keySet().forEach(g -> refused.add(new int[] {g, round}));
    }

    // it starts again on the same port and file; Alertmanager retries what was refused
    startMongo(port);
    long up = System.nanoTime();
    for (int[] d : refused) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (send(d[0], d[1]) != 200 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
    for (int r = 4; r < ROUNDS; r++) {
      assertThat(round(r).values()).containsOnly(200);
    }

    // then every group has exactly one message in Slack, showing every accepted alert
    SandboxClient slackView = new SandboxClient(sandbox.baseUrl());
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    Map<Integer, Integer> topLevel = new HashMap<>();
    Set<String> lost = Set.of("not checked yet");
    while (System.nanoTime() < deadline) {
      topLevel.clear();
      StringBuilder all = new StringBuilder();
      Map<Integer, Integer> shownFiring = new HashMap<>();
      for (String channel : CHANNELS) {
        for (JsonNode m : slackView.messagesSince(channel, null)) {
          all.append(m.toString());
          boolean top =
              m.path("thread_ts").asText("").isEmpty()
                  || m.path("thread_ts").asText().equals(m.path("ts").asText());
          Matcher title = TOP.matcher(m.path("text").asText());
          if (top && title.find()) {
            int g = Integer.parseInt(title.group(1).substring("Storm".length()));
            topLevel.merge(g, 1, Integer::sum);
            shownFiring.put(g, Integer.parseInt(title.group(2)));
          }
        }
      }
      Set<String> missing = new java.util.TreeSet<>();
      accepted.forEach(
          (g, fingerprints) -> {
            for (String f : fingerprints) {
              if (all.indexOf(f) < 0) {
                missing.add(f);
              }
            }
            if (shownFiring.getOrDefault(g, -1) != fingerprints.size()) {
              missing.add("Storm" + g + " count");
            }
          });
      lost = missing;
      if (lost.isEmpty() && topLevel.size() == GROUPS) {
        break;
      }
      Thread.sleep(200);
    }
    long recoveredMillis = Duration.ofNanos(System.nanoTime() - up).toMillis();
    int acceptedAlerts = accepted.values().stream().mapToInt(Set::size).sum();
    System.out.printf(
        "MongoOutageIT: %d deliveries refused with 503 while MongoDB was down; %d alerts"
            + " accepted; alerts lost: %d; recovered (all posted) %d ms after MongoDB restarted%n",
        refused.size(), acceptedAlerts, lost.size(), recoveredMillis);
    assertThat(lost).isEmpty();
    assertThat(topLevel).hasSize(GROUPS).allSatisfy((g, n) -> assertThat(n).isEqualTo(1));
    assertThat(acceptedAlerts).isEqualTo(GROUPS * ROUNDS);
  }
}
