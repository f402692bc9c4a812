package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.jamiescarlet.bot.slack.SlackDeliveryException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
  void anOutageBacksOffExponentiallyToTheCapWithoutDroppingAndLogsOncePerChange() {
    // given Slack unreachable for the first 12 tries, then answering
    List<Instant> tries = new ArrayList<>();
    SlackOutbox outbox =
        steady(
            id -> {
              tries.add(scheduler.now());
              if (tries.size() <= 12) {
                throw new SlackDeliveryException(
                    "chat.postMessage", "io_error", "could not reach Slack (timeout)", null);
              }
              sent.add(id);
              return SlackOutbox.Sent.one(false);
            });
    Logger logger = (Logger) LoggerFactory.getLogger(SlackOutbox.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      // when the outbox has an hour
      outbox.submit("C1", "a");
      scheduler.advance(Duration.ofHours(1));
    } finally {
      logger.detachAppender(logs);
    }

    // then the waits doubled from 1 s up to the 5 min cap, and the group was sent in the end
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < tries.size(); i++) {
      gaps.add(Duration.between(tries.get(i - 1), tries.get(i)).toSeconds());
    }
    assertThat(gaps).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
    assertThat(sent).containsExactly("a");
    assertThat(outbox.failing()).isEmpty();

    // and the log said so once when it started, naming the fix, and once on recovery
    assertThat(logs.list)
        .extracting(ILoggingEvent::getLevel)
        .containsExactly(Level.WARN, Level.INFO);
    assertThat(logs.list.getFirst().getFormattedMessage())
        .startsWith("Slack unreachable for alert group a in channel C1")
        .contains("check network egress to slack.com");
  }

  @Test
  void aPermanentRefusalWaitsTheCapAndIsShownAsFailing() {
    // given a channel the bot is not in
    List<Instant> tries = new ArrayList<>();
    SlackOutbox outbox =
        steady(
            id -> {
              tries.add(scheduler.now());
              throw new SlackDeliveryException(
                  "chat.postMessage",
                  "not_in_channel",
                  "chat.postMessage failed: not_in_channel — invite @jamie to channel C1",
                  null);
            });
    outbox.submit("C1", "a");

    // when 20 minutes pass
    scheduler.advance(Duration.ofMinutes(20));

    // then Slack was asked every 5 minutes, not every second, and nothing was dropped
    assertThat(tries)
        .containsExactly(
            T0,
            T0.plusSeconds(300),
            T0.plusSeconds(600),
            T0.plusSeconds(900),
            T0.plusSeconds(1200));
    assertThat(outbox.pending("C1")).isEqualTo(1);
    assertThat(outbox.failing()).containsEntry("C1", "PERMANENT:not_in_channel");
  }

  @Test
  void failuresAndFailingChannelsAreMeasured() {
    // given an outbox measured into a registry, refused in one channel
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SlackOutbox outbox =
        steady(
            id -> {
              throw new SlackDeliveryException("chat.postMessage", "channel_not_found", "x", null);
            });
    outbox.measure(registry);

    // when it tries once
    outbox.submit("C1", "a");
    scheduler.advance(Duration.ofSeconds(1));

    // then
    assertThat(
            registry.get("jamie.alert.outbox.failures").tag("kind", "permanent").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("jamie.alert.outbox.failing.channels").gauge().value()).isEqualTo(1.0);
    assertThat(registry.get("jamie.alert.outbox.pending").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void aRefusedMessageBacksOffAloneWhileTheChannelGoesOn() {
    // given group a whose message Slack refuses, and groups b and c
    SlackOutbox outbox =
        steady(
            id -> {
              sent.add(id + "@" + Duration.between(T0, scheduler.now()).toMillis());
              if (id.equals("a")) {
                throw new SlackDeliveryException("chat.update", "invalid_blocks", "x", null);
              }
              return SlackOutbox.Sent.one(false);
            });
    outbox.submit("C1", "a");
    outbox.submit("C1", "b");
    outbox.submit("C1", "c");

    // when
    scheduler.advance(Duration.ofSeconds(8));

    // then b and c went out paced, and a was retried after 1 s, then 2 s (backing off alone)
    assertThat(sent).containsExactly("a@0", "b@1000", "c@2000", "a@3000", "a@5000");
  }

  @Test
  void theSweepQueuesWhatIsBehindOnceWithoutDuplicatingQueuedGroups() {
    // given an outbox whose sweep finds group g behind every 30 s, and g already queued behind a
    // rate-limited channel
    FakeReplier slack = new FakeReplier();
    slack.rateLimitOnce();
    SlackOutbox outbox =
        outbox(
            id -> {
              slack.update("C1", id, dev.jamiescarlet.bot.message.Message.of(id));
              sent.add(id + "@" + Duration.between(T0, scheduler.now()).toMillis());
              return SlackOutbox.Sent.one(false);
            });
    outbox.sweepEvery(Duration.ofSeconds(30), () -> List.of(new SlackOutbox.Queued("C1", "g")));

    // when the first sweep runs
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(outbox.pending("C1")).isEqualTo(1);

    // then g goes out once when the channel opens (the second sweep found it still queued), and
    // a later sweep resends it once
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(sent).containsExactly("g@60000");
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(sent).containsExactly("g@60000", "g@90000");
  }

  @Test
  void theSweepSurvivesAFailingStore() {
    // given a sweep whose store fails once
    SlackOutbox outbox = outbox(recording());
    int[] calls = {0};
    outbox.sweepEvery(
        Duration.ofSeconds(30),
        () -> {
          if (calls[0]++ == 0) {
            throw new IllegalStateException("Timed out while waiting for a server");
          }
          return List.of(new SlackOutbox.Queued("C1", "g"));
        });

    // when two sweeps run
    scheduler.advance(Duration.ofSeconds(60));

    // then the second still queued the group
    assertThat(sent).containsExactly("g@60000");
  }

  @Test
  void backoffIsSpreadByJitterAndNeverPassesTheCap() {
    SlackOutbox low = new SlackOutbox(scheduler, recording(), SlackOutbox.Timing.DEFAULT, () -> 0);
    SlackOutbox high =
        new SlackOutbox(scheduler, recording(), SlackOutbox.Timing.DEFAULT, () -> 0.999);

    assertThat(low.backoff(1)).isEqualTo(Duration.ofMillis(800));
    assertThat(high.backoff(1)).isBetween(Duration.ofMillis(1190), Duration.ofMillis(1200));
    assertThat(low.backoff(40)).isEqualTo(Duration.ofMinutes(4));
    assertThat(high.backoff(40)).isEqualTo(SlackOutbox.MAX_RETRY);
  }

  // no jitter: waits are exactly 1 s, 2 s, 4 s…
  private SlackOutbox steady(SlackOutbox.Step step) {
    return new SlackOutbox(scheduler, step, SlackOutbox.Timing.DEFAULT, () -> 0.5);
  }
}
