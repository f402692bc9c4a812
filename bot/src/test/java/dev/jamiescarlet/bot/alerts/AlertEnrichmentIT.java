package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.http.HttpServer;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.FileUpload;
import dev.jamiescarlet.bot.sandbox.DemoAlert;
import dev.jamiescarlet.bot.sandbox.DemoCluster;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import dev.jamiescarlet.bot.slack.SlackDeliveryException;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.NewMemory;
import dev.jamiescarlet.embeddings.memory.Scope;
import dev.jamiescarlet.tools.charts.ChartRenderer;
import dev.jamiescarlet.tools.diagnosis.Fabric8Diagnoser;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.monitoring.Eventually;
import dev.jamiescarlet.tools.monitoring.LocalMonitoring;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrichment end to end below Slack: a webhook for the demo cluster's crash-looping checkout pod
 * yields one thread message with its logs, events, findings, runbooks and (with a real Prometheus)
 * a chart, once, across restarts.
 */
class AlertEnrichmentIT {
  private static final String TOKEN = "test-token";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static DemoCluster cluster;
  private static KubeconfigClusterRegistry registry;

  @TempDir Path dir;

  private Mongo mongo;
  private MemoryStore runbooks;
  private final Clock clock = Clock.systemUTC();
  private ManualScheduler scheduler;
  private AlertIntake intake;
  private HttpServer http;

  @BeforeAll
  static void startCluster() {
    cluster = DemoCluster.start();
    registry = KubeconfigClusterRegistry.of(Map.of("demo", cluster.client()), "demo", "demo");
  }

  @AfterAll
  static void stopCluster() {
    registry.close();
    cluster.close();
  }

  @BeforeEach
  void openStore() {
    mongo = Mongo.embedded(dir);
    runbooks = MemoryStore.open(mongo.database(), new WordsEmbeddingModel(), clock);
    runbooks.replaceSource(
        MemoryKind.RUNBOOK,
        "crashloopbackoff.md",
        "h1",
        List.of(
            new NewMemory(
                MemoryKind.RUNBOOK,
                "A pod is crash looping: read the previous logs, then the events.",
                "CrashLoopBackOff › Pod is crash looping",
                "crashloopbackoff.md",
                Scope.global(),
                null,
                null,
                null)));
    runbooks.replaceSource(
        MemoryKind.RUNBOOK,
        "dns-failures.md",
        "h2",
        List.of(
            new NewMemory(
                MemoryKind.RUNBOOK,
                "Names do not resolve: check CoreDNS.",
                "DNS failures › CoreDNS",
                "dns-failures.md",
                Scope.global(),
                null,
                null,
                null)));
  }

  @AfterEach
  void stop() {
    stopIntake();
    mongo.close();
  }

  private FakeReplier startIntake(PrometheusClient prometheus) {
    FakeReplier slack = new FakeReplier();
    startIntake(prometheus, slack);
    return slack;
  }

  private void startIntake(PrometheusClient prometheus, Replier slack) {
    scheduler = new ManualScheduler(Instant.now());
    AlertEnrichment enrichment =
        new AlertEnrichment(
            new EnrichmentSources(
                registry,
                new Fabric8KubernetesReads(registry, clock),
                new Fabric8Diagnoser(registry, clock),
                () -> runbooks,
                prometheus,
                clock));
    intake =
        new AlertIntake(
            new AlertsConfig(TOKEN, null, null, null, "C0ALERTS", null),
            mongo.database(),
            slack,
            clock,
            new AlertRoutes(List.of(), "C0ALERTS"),
            scheduler,
            enrichment);
    http = new HttpServer("127.0.0.1", 0, null, Map::of, intake.hooks()).start();
  }

  private void stopIntake() {
    if (http != null) {
      http.close();
      http = null;
    }
    if (intake != null) {
      intake.close();
      intake = null;
    }
  }

  private void fire(String expr) throws IOException, InterruptedException {
    post(DemoAlert.payload(DemoAlert.POD, expr, Instant.now(), null));
  }

  // moves the outbox's time on until Slack has seen a matching call
  private FakeReplier.Call await(FakeReplier slack, Predicate<FakeReplier.Call> wanted) {
    return Eventually.await(
        "the call reaches Slack",
        WAIT,
        () -> {
          scheduler.advance(Duration.ofSeconds(1));
          return slack.calls().stream().filter(wanted).findFirst().orElse(null);
        },
        c -> c != null);
  }

  private static boolean isEnrichment(FakeReplier.Call c) {
    return c.message().text().startsWith("Context for");
  }

  private static String text(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void theThreadGetsLogsEventsFindingsRunbooksAndAChartFromPrometheus() throws Exception {
    try (LocalMonitoring local = LocalMonitoring.start(null)) {
      // given Prometheus has scraped itself a few times
      PrometheusClient prometheus = PrometheusClient.of(local.prometheusUrl().toString());
      String expr = "prometheus_http_requests_total";
      Eventually.await(
          "Prometheus has samples",
          WAIT,
          () ->
              prometheus.queryRange(
                  expr, Instant.now().minusSeconds(60), Instant.now(), Duration.ofSeconds(1)),
          series -> !series.isEmpty() && series.getFirst().points().size() >= 3);
      FakeReplier slack = startIntake(prometheus);

      // when the alert about checkout's pod arrives
      fire(expr);

      // then the group message comes first and the enrichment follows in its thread
      FakeReplier.Call enrichment = await(slack, AlertEnrichmentIT::isEnrichment);
      FakeReplier.Call group = slack.calls().getFirst();
      assertThat(group.threadTs()).isNull();
      assertThat(enrichment.threadTs()).isEqualTo(group.ts());
      String text = text(enrichment.message());
      assertThat(text)
          .contains("previous run")
          .contains("Connection refused")
          .contains("BackOff")
          .contains("checkout is crash-looping")
          .contains("Source: `crashloopbackoff.md`")
          .contains("kubepodcrashlooping");
      assertThat(text.indexOf("crashloopbackoff.md")).isLessThan(text.indexOf("dns-failures.md"));

      // and the chart is a real PNG with the series drawn in it
      FileUpload png = new BlockKitRenderer().render(enrichment.message()).files().getFirst();
      assertThat(png.filename()).endsWith(".png");
      assertThat(png.bytes()).hasSizeGreaterThan(2_000).startsWith((byte) 0x89, (byte) 'P');
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
      assertThat(image.getWidth()).isEqualTo(800);
      assertThat(image.getHeight()).isEqualTo(400);
      assertThat(pixelsNear(image, ChartRenderer.PALETTE.get(0))).isGreaterThan(20);
    }
  }

  @Test
  void withoutPrometheusTheThreadSaysSoInOneLineAndHasNoChart() throws Exception {
    FakeReplier slack = startIntake(null);

    // when
    fire(DemoAlert.EXPR);

    // then
    FakeReplier.Call enrichment = await(slack, AlertEnrichmentIT::isEnrichment);
    assertThat(enrichment.message().blocks()).noneMatch(b -> b instanceof Block.Image);
    assertThat(text(enrichment.message()))
        .contains("chart skipped: Prometheus is not configured (set JAMIE_PROMETHEUS_URL)")
        .contains("Connection refused")
        .contains("Source: `crashloopbackoff.md`");
  }

  @Test
  void anAlertAboutAReplacedPodShowsItsDeploymentsPods() throws Exception {
    FakeReplier slack = startIntake(null);

    // when the README's alert arrives: its pods no longer exist, their deployment does
    post(Fixtures.bytes("alertmanager-firing.json"));

    // then the thread says so and shows the crashed run of one of checkout's current pods
    FakeReplier.Call enrichment = await(slack, AlertEnrichmentIT::isEnrichment);
    assertThat(text(enrichment.message()))
        .contains("pod `checkout-7d9c8b6f5-x2k4p` is gone; showing its deployment `checkout`")
        .contains("Connection refused")
        .contains("checkout is crash-looping");
  }

  @Test
  void anEnrichmentNotYetPostedWhenTheBotStoppedIsPostedAfterTheRestart() throws Exception {
    // given Slack refuses the enrichment until the outbox gives up, then the bot stops
    FakeReplier before = new FakeReplier();
    AtomicInteger refused = new AtomicInteger();
    Replier refusing =
        new Replier() {
          @Override
          public String post(ReplyTarget target, Message message) {
            if (message.text().startsWith("Context for")) {
              refused.incrementAndGet();
              throw new SlackDeliveryException(
                  "chat.postMessage", "internal_error", "chat.postMessage failed", null);
            }
            return before.post(target, message);
          }

          @Override
          public void update(String channel, String ts, Message message) {
            before.update(channel, ts, message);
          }

          @Override
          public void replaceOriginal(String responseUrl, String channel, Message message) {}

          @Override
          public void postEphemeral(
              String channel, String userId, String threadTs, Message message) {}
        };
    startIntake(null, refusing);
    fire(DemoAlert.EXPR);
    Eventually.await(
        "Slack refuses the enrichment a few times",
        WAIT,
        () -> {
          scheduler.advance(Duration.ofSeconds(1));
          return refused.get();
        },
        n -> n >= 3);
    String ts = before.calls().getFirst().ts();
    stopIntake();

    // when a new intake starts on the same store
    FakeReplier after = new FakeReplier();
    startIntake(null, after);

    // then the enrichment is posted in the first message's thread, and the group is not re-posted
    FakeReplier.Call enrichment = await(after, AlertEnrichmentIT::isEnrichment);
    assertThat(enrichment.threadTs()).isEqualTo(ts);
    assertThat(after.calls()).noneMatch(c -> c.threadTs() == null);
  }

  @Test
  void aRestartOnTheSameStoreDoesNotRepeatTheEnrichment() throws Exception {
    // given a group enriched before a restart
    FakeReplier before = startIntake(null);
    fire(DemoAlert.EXPR);
    await(before, AlertEnrichmentIT::isEnrichment);
    stopIntake();

    // when a new intake starts on the same store and the same alert arrives again, changed
    FakeReplier after = startIntake(null);
    post(DemoAlert.payload(DemoAlert.POD, DemoAlert.EXPR, Instant.now(), Instant.now()));
    FakeReplier.Call update = await(after, c -> c.method().equals("update"));
    // time for a stray enrichment to have been gathered and sent
    for (int i = 0; i < 20; i++) {
      scheduler.advance(Duration.ofSeconds(1));
      Thread.sleep(25);
    }

    // then the message was updated in place and no second enrichment was posted
    assertThat(update.message().text()).startsWith("Resolved:");
    assertThat(after.calls()).noneMatch(AlertEnrichmentIT::isEnrichment);
    assertThat(before.calls()).filteredOn(AlertEnrichmentIT::isEnrichment).hasSize(1);
  }

  @Test
  void duringAStormGroupsPostedWhileTheQueueIsLongGetNoEnrichment() throws Exception {
    // given 30 groups queued in one channel before Slack has taken any
    FakeReplier slack = startIntake(null);
    int groups = 30;
    for (int i = 0; i < groups; i++) {
      post(DemoAlert.payload(DemoAlert.POD + "-" + i, DemoAlert.EXPR, Instant.now(), null));
    }
    var stored = mongo.database().getCollection(AlertGroups.COLLECTION);
    Eventually.await(
        "the groups are stored and queued",
        WAIT,
        () -> stored.countDocuments() == groups && intake.events().unprocessed().isEmpty(),
        done -> done);
    Thread.sleep(200);

    // when the queue drains
    Eventually.await(
        "every group is posted and nothing is being gathered",
        WAIT,
        () -> {
          scheduler.advance(Duration.ofSeconds(1));
          var state = mongo.database().getCollection(EnrichmentState.COLLECTION);
          return slack.calls().stream().filter(c -> c.threadTs() == null).count() == groups
              && state.countDocuments(new org.bson.Document("state", "pending")) == 0;
        },
        done -> done);

    // then each group, posted while more than MAX_BACKLOG others waited, got no enrichment, and
    // the decision is stored
    var state = mongo.database().getCollection(EnrichmentState.COLLECTION);
    assertThat(state.countDocuments(new org.bson.Document("state", "skipped"))).isEqualTo(groups);
    assertThat(slack.calls()).noneMatch(AlertEnrichmentIT::isEnrichment);
  }

  private void post(byte[] body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + http.port() + "/hooks/alertmanager"))
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    int status =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    assertThat(status).isEqualTo(200);
  }

  private static int pixelsNear(BufferedImage image, Color color) {
    int n = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        Color c = new Color(image.getRGB(x, y));
        int d =
            Math.abs(c.getRed() - color.getRed())
                + Math.abs(c.getGreen() - color.getGreen())
                + Math.abs(c.getBlue() - color.getBlue());
        if (d < 60) {
          n++;
        }
      }
    }
    return n;
  }
}
