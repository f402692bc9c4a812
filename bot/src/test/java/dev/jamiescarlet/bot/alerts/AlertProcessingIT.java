package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.store.Mongo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored events → groups in MongoDB → one Slack message per group, across repeats and restarts. */
class AlertProcessingIT {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir Path dir;

  private Mongo mongo;
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final ManualScheduler scheduler = new ManualScheduler(T0);
  private final FakeReplier slack = new FakeReplier();
  private AlertEvents events;
  private AlertGroups groups;
  private AlertProcessor processor;

  @BeforeEach
  void start() {
    mongo = Mongo.embedded(dir);
    events = new AlertEvents(mongo.database(), clock);
    groups = new AlertGroups(mongo.database());
    processor = processor(slack, scheduler);
  }

  private AlertProcessor processor(FakeReplier replier, ManualScheduler on) {
    SlackOutbox outbox =
        new SlackOutbox(on, new AlertPoster(groups, new AlertMessages(clock), replier));
    return new AlertProcessor(
        events, groups, new AlertRoutes(List.of(), "C0ALERTS"), outbox, clock);
  }

  @AfterEach
  void stop() {
    processor.close();
    mongo.close();
  }

  private void deliver(AlertSource source, String fixture) {
    ObjectId id = events.store(source, Fixtures.bytes(fixture));
    processor.process(id);
  }

  private AlertGroup theGroup() {
    return groups.find(
        Payloads.parse(AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-firing.json"))
            .groupId());
  }

  @Test
  void aGroupIsPostedOnceWithEachAlertsDetailsInItsThread() {
    // when
    deliver(AlertSource.ALERTMANAGER, "alertmanager-firing.json");
    scheduler.advance(Duration.ofSeconds(10));

    // then one message, then one detail per alert in its thread, a second apart
    List<FakeReplier.Call> calls = slack.calls();
    assertThat(calls).hasSize(3);
    String ts = calls.getFirst().ts();
    assertThat(calls.getFirst().threadTs()).isNull();
    assertThat(calls.getFirst().channel()).isEqualTo("C0ALERTS");
    assertThat(calls.subList(1, 3)).allSatisfy(c -> assertThat(c.threadTs()).isEqualTo(ts));
    AlertGroup g = theGroup();
    assertThat(g.ts()).isEqualTo(ts);
    assertThat(g.slackBehind()).isFalse();
    assertThat(events.unprocessed()).isEmpty();
  }

  @Test
  void repeatedDeliveriesChangeNothingInSlack() {
    deliver(AlertSource.ALERTMANAGER, "alertmanager-firing.json");
    scheduler.advance(Duration.ofSeconds(10));

    // when Alertmanager repeats the same notification twice
    deliver(AlertSource.ALERTMANAGER, "alertmanager-firing.json");
    deliver(AlertSource.ALERTMANAGER, "alertmanager-firing.json");
    scheduler.advance(Duration.ofSeconds(10));

    // then
    assertThat(slack.calls()).hasSize(3);
    assertThat(theGroup().version()).isEqualTo(1);
    assertThat(theGroup().alerts()).hasSize(2);
  }

  @Test
  void resolvingUpdatesTheSameMessageInPlace() {
    deliver(AlertSource.ALERTMANAGER, "alertmanager-firing.json");
    scheduler.advance(Duration.ofSeconds(10));

    deliver(AlertSource.ALERTMANAGER, "alertmanager-resolved.json");
    scheduler.advance(Duration.ofSeconds(10));

    FakeReplier.Call last = slack.calls().getLast();
    assertThat(last.method()).isEqualTo("update");
    assertThat(last.ts()).isEqualTo(slack.calls().getFirst().ts());
    assertThat(last.message().text()).startsWith("Resolved: KubePodCrashLooping");
    assertThat(theGroup().resolvedCount()).isEqualTo(2);
  }

  @Test
  void aRestartUpdatesThePostedMessageAndNeverRepostsIt() {
    // given a posted group whose resolution arrived but was not yet sent when the bot stopped
    deliver(AlertSource.ALERTMANAGER, "alertmanager-firing.json");
    scheduler.advance(Duration.ofSeconds(10));
    String ts = slack.calls().getFirst().ts();
    deliver(AlertSource.ALERTMANAGER, "alertmanager-resolved.json");
    processor.close();

    // when a new processor starts against the same store
    FakeReplier afterRestart = new FakeReplier();
    ManualScheduler restarted = new ManualScheduler(T0);
    processor = processor(afterRestart, restarted).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (afterRestart.calls().isEmpty() && System.nanoTime() < deadline) {
      restarted.advance(Duration.ofSeconds(1));
      Thread.onSpinWait();
    }

    // then the one call is an update of the same message
    assertThat(afterRestart.calls())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.method()).isEqualTo("update");
              assertThat(c.ts()).isEqualTo(ts);
            });
  }
}
