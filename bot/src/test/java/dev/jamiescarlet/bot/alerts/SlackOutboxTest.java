package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.slack.SlackDeliveryException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SlackOutboxTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private final ManualScheduler scheduler = new ManualScheduler(T0);
  private final List<String> sent = new ArrayList<>();
  private final Map<String, Instant> lastAt = new ConcurrentHashMap<>();

  private SlackOutbox outbox(SlackOutbox.Step step) {
    return new SlackOutbox(scheduler, step);
  }

  private SlackOutbox.Step recording() {
    return id -> {
      sent.add(id + "@" + Duration.between(T0, scheduler.now()).toMillis());
      return SlackOutbox.Sent.one(false);
    };
  }

  @Test
  void oneChannelGetsAtMostOneCallPerSecond() {
    // given three groups queued at once in one channel
    SlackOutbox outbox = outbox(recording());
    outbox.submit("C1", "a");
    outbox.submit("C1", "b");
    outbox.submit("C1", "c");

    // when time passes
    scheduler.advance(Duration.ofSeconds(5));

    // then they went out a second apart
    assertThat(sent).containsExactly("a@0", "b@1000", "c@2000");
  }

  @Test
  void channelsDoNotWaitForEachOther() {
    SlackOutbox outbox = outbox(recording());
    outbox.submit("C1", "a");
    outbox.submit("C2", "b");
    outbox.submit("C1", "c");

    scheduler.advance(Duration.ofSeconds(5));

    assertThat(sent).containsExactly("a@0", "b@0", "c@1000");
  }

  @Test
  void aBurstForOneGroupIsOneCall() {
    // given one group sent, then changed five times within the second
    SlackOutbox outbox = outbox(recording());
    outbox.submit("C1", "g");
    scheduler.advance(Duration.ZERO);
    for (int i = 0; i < 5; i++) {
      outbox.submit("C1", "g");
    }

    // when
    scheduler.advance(Duration.ofSeconds(5));

    // then the five changes became one update (the step reads the latest state)
    assertThat(sent).containsExactly("g@0", "g@1000");
  }

  @Test
  void aStepWithMoreWorkGoesBackInLineBehindOthers() {
    // given a group needing three calls (post, two thread details) and another group
    Map<String, Integer> left = new ConcurrentHashMap<>(Map.of("g", 3, "h", 1));
    SlackOutbox outbox =
        outbox(
            id -> {
              sent.add(id + "@" + Duration.between(T0, scheduler.now()).toMillis());
              return SlackOutbox.Sent.one(left.merge(id, -1, Integer::sum) > 0);
            });
    outbox.submit("C1", "g");
    outbox.submit("C1", "h");

    scheduler.advance(Duration.ofSeconds(10));

    assertThat(sent).containsExactly("g@0", "h@1000", "g@2000", "g@3000");
  }

  @Test
  void aMessageWithAFileRestsTheChannelTwoIntervalsAndNothingDueRestsItNone() {
    // given a group whose call writes a message and a file, one with nothing due, and a third
    SlackOutbox outbox =
        outbox(
            id -> {
              sent.add(id + "@" + Duration.between(T0, scheduler.now()).toMillis());
              return switch (id) {
                case "file" -> new SlackOutbox.Sent(2, false);
                case "idle" -> SlackOutbox.Sent.NOTHING;
                default -> SlackOutbox.Sent.one(false);
              };
            });
    outbox.submit("C1", "file");
    outbox.submit("C1", "idle");
    outbox.submit("C1", "next");

    // when
    scheduler.advance(Duration.ofSeconds(10));

    // then the channel rested two seconds after the file, and the idle group cost no time
    assertThat(sent).containsExactly("file@0", "idle@2000", "next@2000");
  }

  @Test
  void aRateLimitedChannelPausesThenRetriesTheSameGroupFirst() {
    // given a Replier-backed step that Slack rate limits once
    FakeReplier slack = new FakeReplier();
    slack.rateLimitOnce();
    SlackOutbox outbox =
        outbox(
            id -> {
              slack.update("C1", id, dev.jamiescarlet.bot.message.Message.of(id));
              sent.add(id + "@" + Duration.between(T0, scheduler.now()).toMillis());
              return SlackOutbox.Sent.one(false);
            });
    outbox.submit("C1", "a");
    outbox.submit("C1", "b");

    // when
    scheduler.advance(Duration.ofSeconds(29));

    // then nothing went out while the channel rests
    assertThat(sent).isEmpty();

    // and after the pause the refused group goes first, then the next a second later
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(sent).containsExactly("a@30000", "b@31000");
    assertThat(slack.calls()).hasSize(3);
  }

  @Test
  void otherFailuresAreRetriedAFewTimesThenDropped() {
    List<Instant> tries = new ArrayList<>();
    SlackOutbox outbox =
        outbox(
            id -> {
              tries.add(scheduler.now());
              throw new SlackDeliveryException("chat.postMessage", "not_in_channel", "x", null);
            });
    outbox.submit("C1", "a");

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(tries).hasSize(SlackOutbox.MAX_FAILURES);
    assertThat(outbox.pending("C1")).isZero();
  }
}
