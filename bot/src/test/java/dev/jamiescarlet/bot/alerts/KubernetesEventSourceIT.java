package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.config.EventAlertsConfig;
import dev.jamiescarlet.bot.sandbox.DemoCluster;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warning events from a real informer (fabric8 mock API server) → alert groups → resolved. */
class KubernetesEventSourceIT {
  private static final String GROUP = "kubernetes:demo/payments/BackOff";

  @TempDir Path dir;

  private final MovableClock clock = new MovableClock(Instant.now());
  private DemoCluster cluster;
  private KubeconfigClusterRegistry clusters;
  private Mongo mongo;
  private AlertEvents events;
  private AlertGroups groups;
  private AlertProcessor processor;
  private KubernetesEventSource source;

  @BeforeEach
  void start() {
    cluster = DemoCluster.start();
    Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    clients.put("demo", cluster.client());
    clusters = KubeconfigClusterRegistry.of(clients, "demo", "demo");
    mongo = Mongo.embedded(dir);
    events = new AlertEvents(mongo.database(), clock);
    groups = new AlertGroups(mongo.database());
    SlackOutbox outbox =
        new SlackOutbox(
            new ManualScheduler(clock.instant()),
            new AlertPoster(groups, new AlertMessages(clock), new FakeReplier()));
    processor =
        new AlertProcessor(events, groups, new AlertRoutes(List.of(), "C0ALERTS"), outbox, clock);
    EventAlertsConfig config =
        new EventAlertsConfig(
            true,
            Set.of("payments"),
            EventAlertsConfig.names(EventAlertsConfig.DEFAULT_REASONS),
            Duration.ofMinutes(10));
    // processed on the informer's thread, so the test sees each event's effect in order
    source =
        new KubernetesEventSource(config, clusters, events, groups, processor::process, clock)
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    source.close();
    processor.close();
    mongo.close();
    clusters.close();
    cluster.close();
  }

  @Test
  void aMatchingWarningBecomesAnAlertAndOthersDoNot() {
    // when a matching warning, a normal event, an unlisted reason and another namespace arrive
    create(event("payments", "api-1.a", "Warning", "BackOff", "api-1", clock.instant()));
    create(event("payments", "api-3.b", "Normal", "BackOff", "api-3", clock.instant()));
    create(event("payments", "api-1.c", "Warning", "SomethingElse", "api-1", clock.instant()));
    create(event("other", "web-1.a", "Warning", "BackOff", "web-1", clock.instant()));
    create(event("payments", "api-2.a", "Warning", "BackOff", "api-2", clock.instant()));

    // then one group for the namespace and reason, one alert per pod, nothing else stored
    await(() -> group() != null && group().alerts().size() == 2);
    AlertGroup g = group();
    assertThat(g.source()).isEqualTo(AlertSource.KUBERNETES);
    assertThat(g.channel()).isEqualTo("C0ALERTS");
    assertThat(g.title()).isEqualTo("BackOff in payments (demo)");
    assertThat(g.alerts())
        .extracting(a -> a.labels().get("pod"))
        .containsExactlyInAnyOrder("api-1", "api-2");
    assertThat(g.alerts().getFirst().labels())
        .containsEntry("alertname", "BackOff")
        .containsEntry("cluster", "demo")
        .containsEntry("namespace", "payments")
        .containsEntry("severity", "warning");
    assertThat(g.alerts().getFirst().alert().annotations().get("summary"))
        .isEqualTo("Back-off restarting failed container");
    assertThat(groups.firing(AlertSource.KUBERNETES)).hasSize(1);
    assertThat(events.unprocessed()).isEmpty();
  }

  @Test
  void oldWarningsAreIgnoredAndQuietOnesResolveThenFireAgain() {
    // given a warning from an hour ago and a fresh one
    create(
        event(
            "payments",
            "old.a",
            "Warning",
            "BackOff",
            "old-1",
            clock.instant().minusSeconds(3600)));
    create(event("payments", "api-1.a", "Warning", "BackOff", "api-1", clock.instant()));
    await(() -> group() != null);
    assertThat(group().alerts()).extracting(GroupAlert::fingerprint).hasSize(1);

    // when it stays quiet past the quiet time
    clock.advance(Duration.ofMinutes(11));
    source.sweep();

    // then it is resolved
    assertThat(group().firingCount()).isZero();
    assertThat(group().alerts().getFirst().alert().endsAt()).isEqualTo(clock.instant());

    // when the same Event object occurs again
    cluster
        .client()
        .v1()
        .events()
        .inNamespace("payments")
        .withName("api-1.a")
        .edit(e -> new EventBuilder(e).withLastTimestamp(clock.instant().toString()).build());

    // then it fires again (a new start, not mistaken for a late retry of the old notice)
    await(() -> group().firingCount() == 1);
    assertThat(group().alerts().getFirst().alert().startsAt()).isEqualTo(clock.instant());
  }

  private AlertGroup group() {
    return groups.find(GROUP);
  }

  private void create(Event e) {
    cluster.client().v1().events().inNamespace(e.getMetadata().getNamespace()).resource(e).create();
  }

  private static Event event(
      String ns, String name, String type, String reason, String pod, Instant last) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .endMetadata()
        .withType(type)
        .withReason(reason)
        .withMessage("Back-off restarting failed container")
        .withCount(3)
        .withFirstTimestamp(last.minusSeconds(120).toString())
        .withLastTimestamp(last.toString())
        .withNewInvolvedObject()
        .withKind("Pod")
        .withNamespace(ns)
        .withName(pod)
        .endInvolvedObject()
        .build();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
