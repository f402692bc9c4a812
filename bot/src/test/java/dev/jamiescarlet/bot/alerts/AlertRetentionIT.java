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

/** Old processed deliveries and long-resolved groups go; everything else stays. */
class AlertRetentionIT {
  private static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");

  @TempDir Path dir;

  private Mongo mongo;

  @BeforeEach
  void start() {
    mongo = Mongo.embedded(dir);
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  private AlertProcessor processor(Clock clock) {
    AlertGroups groups = new AlertGroups(mongo.database());
    SlackOutbox outbox =
        new SlackOutbox(
            new ManualScheduler(clock.instant()),
            new AlertPoster(groups, new AlertMessages(clock), new FakeReplier()));
    return new AlertProcessor(
        new AlertEvents(mongo.database(), clock),
        groups,
        new AlertRoutes(List.of(), "C0ALERTS"),
        outbox,
        clock);
  }

  private ObjectId deliver(Clock clock, String fixture, boolean process) {
    AlertEvents events = new AlertEvents(mongo.database(), clock);
    ObjectId id = events.store(AlertSource.ALERTMANAGER, Fixtures.bytes(fixture));
    if (process) {
      try (AlertProcessor p = processor(clock)) {
        p.process(id);
      }
    }
    return id;
  }

  @Test
  void purgesOldProcessedEventsAndLongResolvedGroupsOnly() {
    Clock then = Clock.fixed(T0, ZoneOffset.UTC);
    // given a group that fired and resolved 40 days ago, and an event never processed
    deliver(then, "alertmanager-firing.json", true);
    ObjectId resolved = deliver(then, "alertmanager-resolved.json", true);
    ObjectId stuck = deliver(then, "alertmanager-firing.json", false);
    AlertGroups groups = new AlertGroups(mongo.database());
    String groupId =
        Payloads.parse(AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-firing.json"))
            .groupId();
    assertThat(groups.find(groupId).firingCount()).isZero();

    // when the purge runs 40 days later
    Clock later = Clock.fixed(T0.plus(Duration.ofDays(40)), ZoneOffset.UTC);
    AlertRetention.Purged purged = new AlertRetention(mongo.database(), later).purge();

    // then the processed deliveries and the resolved group are gone; the unprocessed one stays
    AlertEvents events = new AlertEvents(mongo.database(), later);
    assertThat(purged.events()).isEqualTo(2);
    assertThat(purged.groups()).isEqualTo(1);
    assertThat(events.find(resolved)).isNull();
    assertThat(events.find(stuck)).isNotNull();
    assertThat(groups.find(groupId)).isNull();
  }

  @Test
  void keepsFiringGroupsAndRecentData() {
    Clock then = Clock.fixed(T0, ZoneOffset.UTC);
    // given a group that is still firing
    deliver(then, "alertmanager-firing.json", true);
    String firingId =
        Payloads.parse(AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-firing.json"))
            .groupId();

    // when the purge runs 6 days later, then 40 days later
    AlertRetention.Purged early =
        new AlertRetention(
                mongo.database(), Clock.fixed(T0.plus(Duration.ofDays(6)), ZoneOffset.UTC))
            .purge();
    AlertRetention.Purged late =
        new AlertRetention(
                mongo.database(), Clock.fixed(T0.plus(Duration.ofDays(40)), ZoneOffset.UTC))
            .purge();

    // then nothing goes at 6 days; at 40 days only the delivery goes, the firing group stays
    assertThat(early).isEqualTo(new AlertRetention.Purged(0, 0));
    assertThat(late).isEqualTo(new AlertRetention.Purged(1, 0));
    assertThat(new AlertGroups(mongo.database()).find(firingId)).isNotNull();
  }
}
