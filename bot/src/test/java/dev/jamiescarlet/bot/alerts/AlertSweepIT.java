package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.store.Mongo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's periodic sweep over the embedded MongoDB: the "behind in Slack" mark is set by every
 * change and cleared once Slack shows it, the query is bounded, and a group whose submit was lost
 * is posted by the sweep without a restart.
 */
class AlertSweepIT {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir Path dir;

  private Mongo mongo;
  private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
  private final ManualScheduler scheduler = new ManualScheduler(T0);
  private final FakeReplier slack = new FakeReplier();
  private AlertGroups groups;

  @BeforeEach
  void start() {
    mongo = Mongo.embedded(dir);
    groups = new AlertGroups(mongo.database());
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  // what the processor saves for a delivery, without queueing it (as if the submit were lost)
  private AlertGroup saveUnqueued(String groupKey, String channel) {
    String body =
        "{\"version\":\"4\",\"groupKey\":\""
            + groupKey
            + "\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":"
            + "{\"alertname\":\"PodDown\"},\"startsAt\":\"2026-11-21T09:00:00Z\","
            + "\"fingerprint\":\"fp-"
            + groupKey
            + "\"}]}";
    AlertBatch batch =
        Payloads.parse(
            AlertSource.ALERTMANAGER, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    AlertGroup g = GroupMerge.merge(null, batch, channel, T0).group();
    groups.saveMerge(g, true);
    return g;
  }

  @Test
  void theMarkFollowsSlackAndTheQueryIsBounded() {
    // given three groups saved, one without a channel
    AlertGroup a = saveUnqueued("a", "C1");
    AlertGroup b = saveUnqueued("b", "C1");
    saveUnqueued("c", null);

    // then the two with a channel are behind, and a limit bounds the answer
    assertThat(groups.unsent(10))
        .containsExactlyInAnyOrder(
            new SlackOutbox.Queued("C1", a.id()), new SlackOutbox.Queued("C1", b.id()));
    assertThat(groups.unsent(1)).hasSize(1);

    // when both are posted through the real poster
    SlackOutbox outbox =
        new SlackOutbox(scheduler, new AlertPoster(groups, new AlertMessages(clock), slack));
    outbox.submit("C1", a.id());
    outbox.submit("C1", b.id());
    scheduler.advance(Duration.ofSeconds(10));

    // then neither is behind any more
    assertThat(slack.calls()).hasSize(4);
    assertThat(groups.unsent(10)).isEmpty();

    // and a button's change marks one again, until the outbox updates it
    groups.acknowledge(a.id(), "U0ALICE");
    assertThat(groups.unsent(10)).containsExactly(new SlackOutbox.Queued("C1", a.id()));
    outbox.submit("C1", a.id());
    scheduler.advance(Duration.ofSeconds(10));
    assertThat(groups.unsent(10)).isEmpty();
  }

  @Test
  void aGroupThatIsNotBehindIsUnmarkedWhenTheSweepFindsIt() {
    // given a posted group whose mark was set again without a change (a repeat delivery)
    AlertGroup a = saveUnqueued("a", "C1");
    SlackOutbox outbox =
        new SlackOutbox(scheduler, new AlertPoster(groups, new AlertMessages(clock), slack));
    outbox.submit("C1", a.id());
    scheduler.advance(Duration.ofSeconds(10));
    groups.saveMerge(groups.find(a.id()), false);
    assertThat(groups.unsent(10)).hasSize(1);

    // when the outbox takes it, nothing is sent and the mark is cleared
    outbox.submit("C1", a.id());
    scheduler.advance(Duration.ofSeconds(10));
    assertThat(slack.calls()).hasSize(2);
    assertThat(groups.unsent(10)).isEmpty();
  }

  @Test
  void aGroupWhoseSubmitWasLostIsPostedByTheSweepWithoutARestart() {
    // given a running intake, and a group stored behind its back
    try (AlertIntake intake =
        new AlertIntake(
            new AlertsConfig("t", null, null, null, "C0ALERTS", null),
            mongo.database(),
            slack,
            clock,
            new AlertRoutes(List.of(), "C0ALERTS"),
            scheduler)) {
      scheduler.advance(Duration.ofSeconds(1));
      AlertGroup g = saveUnqueued("lost", "C0ALERTS");
      assertThat(slack.calls()).isEmpty();

      // when a sweep interval passes
      scheduler.advance(AlertIntake.SWEEP_EVERY.plusSeconds(5));

      // then the group was posted with its alerts reply, once
      assertThat(slack.calls())
          .extracting(FakeReplier.Call::method, FakeReplier.Call::channel)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("post", "C0ALERTS"),
              org.assertj.core.groups.Tuple.tuple("post", "C0ALERTS"));
      assertThat(intake.groups().find(g.id()).slackBehind()).isFalse();
    }
  }
}
