package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.bot.health.DependencyState;
import dev.jamiescarlet.bot.health.ProbeResult;
import dev.jamiescarlet.bot.store.Mongo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One delivery that can never be stored (stored by a version that let it in) is set aside with its
 * reason and does not block the six unrelated ones in its batch, now or after a restart; an outage
 * sets nothing aside, and the re-drive finishes what it left.
 */
class AlertIsolationIT {
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
    open();
  }

  private void open() {
    mongo = Mongo.embedded(dir);
    events = new AlertEvents(mongo.database(), clock);
    groups = new AlertGroups(mongo.database());
    processor = processor(clock);
  }

  private AlertProcessor processor(Clock at) {
    SlackOutbox outbox =
        new SlackOutbox(scheduler, new AlertPoster(groups, new AlertMessages(at), slack));
    return new AlertProcessor(events, groups, new AlertRoutes(List.of(), "C0ALERTS"), outbox, at);
  }

  @AfterEach
  void stop() {
    processor.close();
    mongo.close();
  }

  private List<ObjectId> storeSixGoodAnd(byte[] bad) {
    List<ObjectId> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          events.store(AlertSource.ALERTMANAGER, AmBodies.firing("g" + i, "Good" + i, "f" + i)));
    }
    ids.add(events.store(AlertSource.ALERTMANAGER, bad));
    for (int i = 3; i < 6; i++) {
      ids.add(
          events.store(AlertSource.ALERTMANAGER, AmBodies.firing("g" + i, "Good" + i, "f" + i)));
    }
    return ids;
  }

  private static byte[] nulKey() {
    return AmBodies.body("bad", "Bad", Map.of("te\u0000am", "x"), "firing", "fbad");
  }

  private Document stored(ObjectId id) {
    return mongo.collection(AlertEvents.COLLECTION).find(new Document("_id", id)).first();
  }

  @Test
  void aLabelNameWithANulByteIsSetAsideAndTheSixOthersArePosted() {
    // given a batch whose fourth delivery has a label name holding a NUL byte
    List<ObjectId> ids = storeSixGoodAnd(nulKey());

    // when the batch is processed
    processor.process(ids);
    scheduler.advance(Duration.ofSeconds(30));

    // then the six unrelated groups are stored and posted, and nothing is left to retry
    for (int i = 0; i < 6; i++) {
      assertThat(groups.find("alertmanager:g" + i)).isNotNull();
    }
    assertThat(slack.calls().stream().filter(c -> c.threadTs() == null).count()).isEqualTo(6);
    assertThat(events.unprocessed()).isEmpty();

    // and the bad one is set aside with its reason, counted, and shown in status
    Document bad = stored(ids.get(3));
    assertThat(bad.getBoolean("processed")).isTrue();
    assertThat(bad.get("deadLetter", Document.class).getString("reason"))
        .contains("alerts[0].labels has a name with a NUL byte", "can never be stored");
    assertThat(groups.find("alertmanager:bad")).isNull();
    assertThat(processor.deadLetterCount()).isEqualTo(1);
    AlertEvents.DeadLetters letters = events.deadLetters();
    assertThat(letters.count()).isEqualTo(1);
    assertThat(letters.newestReason()).contains("has a name with a NUL byte");
  }

  @Test
  void aRestartDoesNotRetryWhatWasSetAside() {
    // given a processed batch with one delivery set aside
    List<ObjectId> ids = storeSixGoodAnd(nulKey());
    processor.process(ids);

    // when the bot restarts
    processor.close();
    mongo.close();
    open();
    processor.start();

    // then nothing is left unprocessed and the count survives the restart
    assertThat(events.unprocessed()).isEmpty();
    assertThat(processor.deadLetterCount()).isEqualTo(1);
  }

  @Test
  void aBodyThatCannotBeReadIsSetAsideWithTheParserReason() {
    ObjectId id = events.store(AlertSource.ALERTMANAGER, "{\"version\":\"4\"".getBytes());

    processor.process(id);

    assertThat(stored(id).get("deadLetter", Document.class).getString("reason"))
        .startsWith("the body cannot be read: the body is not valid JSON");
    assertThat(events.unprocessed()).isEmpty();
  }

  @Test
  void dottedDollarLongAndBrokenNamesAreStoredAndReadBackAsSent() {
    // given names that are path or operator syntax to MongoDB, a long one, and lone surrogates in a
    // value
    String longValue = "v".repeat(100_000);
    Map<String, String> odd =
        Map.of(
            "service.name",
            "checkout",
            "$where",
            "x",
            "100%",
            "y",
            "k".repeat(5_000),
            longValue,
            "broken",
            "z\udc00 \ud800x");

    // when a delivery carrying them is processed
    ObjectId id =
        events.store(AlertSource.ALERTMANAGER, AmBodies.body("odd", "Odd", odd, "firing", "f1"));
    processor.process(id);

    // then the group holds them as sent (the lone surrogates as U+FFFD), and a redelivery matches
    Map<String, String> labels = groups.find("alertmanager:odd").alerts().getFirst().labels();
    assertThat(labels)
        .containsEntry("service.name", "checkout")
        .containsEntry("$where", "x")
        .containsEntry("100%", "y")
        .containsEntry("k".repeat(5_000), longValue)
        .containsEntry("broken", "z\ufffd \ufffdx");
    assertThat(stored(id).get("deadLetter")).isNull();
    processor.process(
        events.store(AlertSource.ALERTMANAGER, AmBodies.body("odd", "Odd", odd, "firing", "f1")));
    assertThat(groups.find("alertmanager:odd").version()).isEqualTo(1);
  }

  @Test
  void anOutageSetsNothingAsideAndTheEventsWaitForTheRedrive() {
    // given stored events and a MongoDB that is gone
    List<ObjectId> ids = storeSixGoodAnd(AmBodies.firing("g9", "Good9", "f9"));
    mongo.close();

    // when the batch is processed, it fails as a whole
    assertThatThrownBy(() -> processor.process(ids)).isInstanceOf(RuntimeException.class);

    // then after the restart all seven are still waiting and none is set aside
    processor.close();
    open();
    assertThat(events.unprocessed()).containsExactlyElementsOf(ids);
    assertThat(events.deadLetters().count()).isZero();
  }

  @Test
  void theRedriveProcessesEventsLeftBehindWithoutARestart() throws Exception {
    // given events stored whose hand-over was lost, and a processor a minute later
    List<ObjectId> ids = storeSixGoodAnd(AmBodies.firing("g9", "Good9", "f9"));
    processor.close();
    processor = processor(Clock.offset(clock, Duration.ofMinutes(1)));

    // when the periodic re-drive runs
    processor.redrive();

    // then they are processed on the processor's thread
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!events.unprocessed().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(events.unprocessed()).isEmpty();
    assertThat(groups.find("alertmanager:g9")).isNotNull();
    assertThat(events.find(ids)).allMatch(AlertEvents.Event::processed);
  }

  @Test
  void statusShowsTheDeliveriesSetAsideWithTheNewestReason() throws Exception {
    // given an intake whose store holds one delivery set aside
    try (AlertIntake intake =
        new AlertIntake(
            new dev.jamiescarlet.bot.config.AlertsConfig("t", null, null, null, "C0ALERTS", null),
            mongo.database(),
            slack,
            clock,
            new AlertRoutes(List.of(), "C0ALERTS"),
            new ManualScheduler(T0))) {
      ProbeResult clean = intake.deadLetterCheck().probe().run();
      assertThat(clean.state()).isEqualTo(DependencyState.UP);

      events.deadLetter(
          events.store(AlertSource.ALERTMANAGER, nulKey()), "its alerts cannot be stored");
      try (AlertIntake restarted =
          new AlertIntake(
              new dev.jamiescarlet.bot.config.AlertsConfig("t", null, null, null, "C0ALERTS", null),
              mongo.database(),
              slack,
              clock,
              new AlertRoutes(List.of(), "C0ALERTS"),
              new ManualScheduler(T0))) {
        ProbeResult r = restarted.deadLetterCheck().probe().run();

        // then status calls it degraded, says how many and why the newest was set aside
        assertThat(r.state()).isEqualTo(DependencyState.DEGRADED);
        assertThat(r.detail())
            .isEqualTo(
                "1 delivery set aside (bad input) — see alert_events with deadLetter; the newest:"
                    + " its alerts cannot be stored");
      }
    }
  }
}
