package dev.jamiescarlet.bot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveMessageTest {
  /** Records posts and edits. */
  static final class Recording implements Replier {
    final List<String> posts = new CopyOnWriteArrayList<>();
    final List<String> edits = new CopyOnWriteArrayList<>();

    @Override
    public String post(ReplyTarget target, Message message) {
      posts.add(message.text());
      return "1700000000.00010" + posts.size();
    }

    @Override
    public void update(String channel, String ts, Message message) {
      edits.add(ts + " " + message.text());
    }

    @Override
    public void replaceOriginal(String responseUrl, String channel, Message message) {
      posts.add("replaced " + message.text());
    }

    @Override
    public void postEphemeral(String channel, String userId, String threadTs, Message message) {
      posts.add("ephemeral " + message.text());
    }
  }

  /** A clock moved by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-11-21T20:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void editsAtMostOncePerIntervalAndAlwaysDeliversTheFinalVersion() {
    Recording slack = new Recording();
    HandClock clock = new HandClock();
    LiveMessage live =
        new LiveMessage(
            slack, ReplyTarget.thread("C0SHOP", "1.1", "U0ADA"), clock, Duration.ofSeconds(1));

    live.start(Message.of("thinking"));
    boolean tooSoon = live.offer(Message.of("part 1"));
    clock.now = clock.now.plusMillis(1_000);
    boolean onTime = live.offer(Message.of("part 1 2"));
    boolean again = live.offer(Message.of("part 1 2 3"));
    live.finish(Message.of("final"));

    assertThat(tooSoon).isFalse();
    assertThat(onTime).isTrue();
    assertThat(again).isFalse();
    assertThat(slack.posts).containsExactly("thinking");
    assertThat(slack.edits)
        .containsExactly("1700000000.000101 part 1 2", "1700000000.000101 final");
  }

  @Test
  void throughAResponseUrlOnlyTheFinalVersionIsPosted() {
    Recording slack = new Recording();
    LiveMessage live =
        new LiveMessage(
            slack,
            ReplyTarget.responseUrl("C0SHOP", "http://slack/response/1", "U0ADA"),
            new HandClock(),
            Duration.ofSeconds(1));

    assertThat(live.start(Message.of("thinking"))).isNull();
    assertThat(live.offer(Message.of("part"))).isFalse();
    live.finish(Message.of("final"));

    assertThat(slack.posts).containsExactly("final");
    assertThat(slack.edits).isEmpty();
  }

  @Test
  void statusEditsKeepTheLatestStateForATrailingEdit() throws InterruptedException {
    Recording slack = new Recording();
    StatusEdits edits = new StatusEdits(slack, Clock.systemUTC(), Duration.ofMillis(200));

    edits.offer("C0SHOP", "1.1", Message.of("plan"), false);
    edits.offer("C0SHOP", "1.1", Message.of("evidence"), false);
    edits.offer("C0SHOP", "1.1", Message.of("hypotheses"), false);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (slack.edits.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    edits.offer("C0SHOP", "1.1", Message.of("done"), true);

    // the middle state was superseded before its turn; the last one and the forced final arrive
    assertThat(slack.edits).containsExactly("1.1 plan", "1.1 hypotheses", "1.1 done");
  }
}
