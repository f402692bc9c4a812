package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
  void aGroupIsPostedOnceWithOneAlertsReplyInItsThread() {
    // when
    deliver(AlertSource.ALERTMANAGER, "alertmanager-firing.json");
    scheduler.advance(Duration.ofSeconds(10));

    // then one message, then one reply listing both alerts in its thread, a second apart
    List<FakeReplier.Call> calls = slack.calls();
    assertThat(calls).hasSize(2);
    String ts = calls.getFirst().ts();
    assertThat(calls.getFirst().threadTs()).isNull();
    assertThat(calls.getFirst().channel()).isEqualTo("C0ALERTS");
    assertThat(calls.get(1).threadTs()).isEqualTo(ts);
    assertThat(calls.get(1).message().toString()).contains("5c3a4e1f9b2d7a60", "2 alerts");
    AlertGroup g = theGroup();
    assertThat(g.ts()).isEqualTo(ts);
    assertThat(g.detailsTs()).isEqualTo(calls.get(1).ts());
    assertThat(g.detailsVersion()).isEqualTo(g.version());
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
    assertThat(slack.calls()).hasSize(2);
    assertThat(theGroup().version()).isEqualTo(1);
    assertThat(theGroup().alerts()).hasSize(2);
  }

  @Test
  void resolvingUpdatesTheSameMessageInPlace() {
    deliver(AlertSource.ALERTMANAGER, "alertmanager-firing.json");
    scheduler.advance(Duration.ofSeconds(10));

    deliver(AlertSource.ALERTMANAGER, "alertmanager-resolved.json");
    scheduler.advance(Duration.ofSeconds(10));

    // then the group message and the alerts reply are both updated in place, nothing re-posted
    List<FakeReplier.Call> calls = slack.calls();
    assertThat(calls)
        .extracting(FakeReplier.Call::method)
        .containsExactly("post", "post", "update", "update");
    assertThat(calls.get(2).ts()).isEqualTo(calls.get(0).ts());
    assertThat(calls.get(2).message().text()).startsWith("Resolved: KubePodCrashLooping");
    assertThat(calls.get(3).ts()).isEqualTo(calls.get(1).ts());
    assertThat(calls.get(3).message().text()).contains("0 firing, 2 resolved");
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

    restarted.advance(Duration.ofSeconds(10));

    // then both messages are updated in place: the group's, then its alerts reply; no post
    String detailsTs = slack.calls().get(1).ts();
    assertThat(afterRestart.calls())
        .extracting(FakeReplier.Call::method, FakeReplier.Call::ts)
        .containsExactly(tuple("update", ts), tuple("update", detailsTs));
  }
}
