package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import dev.jamiescarlet.bot.store.Mongo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst through the real path (stored events → processor → MongoDB groups → outbox → poster): 300
 * alerts in 30 groups over three channels coalesce into few messages and none is lost.
 */
class AlertBurstIT {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final List<String> CHANNELS = List.of("C0TEAMA", "C0TEAMB", "C0TEAMC");

  @TempDir Path dir;

  private Mongo mongo;
  private final ManualScheduler scheduler = new ManualScheduler(T0);
  private final FakeReplier slack = new FakeReplier();
  private final List<Instant> callTimes = new ArrayList<>();
  private AlertEvents events;
  private AlertGroups groups;
  private AlertProcessor processor;

  @BeforeEach
  void start() {
    mongo = Mongo.embedded(dir);
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    events = new AlertEvents(mongo.database(), clock);
    groups = new AlertGroups(mongo.database());
    List<AlertRoutes.Route> routes = new ArrayList<>();
    for (int t = 0; t < CHANNELS.size(); t++) {
      routes.add(
          new AlertRoutes.Route(
              List.of(AlertRoutes.Matcher.parse("team=t" + t, "test")), CHANNELS.get(t)));
    }
    SlackOutbox outbox =
        new SlackOutbox(scheduler, new AlertPoster(groups, new AlertMessages(clock), timed(slack)));
    processor =
        new AlertProcessor(events, groups, new AlertRoutes(routes, "C0ALERTS"), outbox, clock);
  }

  @AfterEach
  void stop() {
    processor.close();
    mongo.close();
  }

  // records the outbox's time of every Slack call, in step with FakeReplier's list
  private Replier timed(FakeReplier inner) {
    return new Replier() {
      @Override
      public String post(ReplyTarget target, Message message) {
        callTimes.add(scheduler.now());
        return inner.post(target, message);
      }

      @Override
      public void update(String channel, String ts, Message message) {
        callTimes.add(scheduler.now());
        inner.update(channel, ts, message);
      }

      @Override
      public void replaceOriginal(String responseUrl, String channel, Message message) {
        inner.replaceOriginal(responseUrl, channel, message);
      }

      @Override
      public void postEphemeral(String channel, String userId, String threadTs, Message m) {
        inner.postEphemeral(channel, userId, threadTs, m);
      }
    };
  }

  private void deliver(int group, int count, int resolved) {
    StringBuilder alerts = new StringBuilder();
    for (int i = 0; i < count; i++) {
      alerts
          .append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"status\":\"%s\",\"labels\":{\"alertname\":\"PodDown\",\"team\":\"t%d\","
                      + "\"pod\":\"p%d\"},\"startsAt\":\"2026-11-21T09:00:00Z\","
                      + "\"fingerprint\":\"%s\"}",
                  i < resolved ? "resolved" : "firing",
                  group % CHANNELS.size(),
                  i,
                  fingerprint(group, i)));
    }
    String body =
        String.format(
            Locale.ROOT,
            "{\"version\":\"4\",\"groupKey\":\"{}:{service=\\\"g%d\\\"}\",\"status\":\"firing\","
                + "\"commonLabels\":{\"alertname\":\"PodDown\"},\"alerts\":[%s]}",
            group,
            alerts);
    processor.process(
        events.store(AlertSource.ALERTMANAGER, body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String fingerprint(int group, int i) {
    return String.format(Locale.ROOT, "fp%02d%02d", group, i);
  }

  @Test
  void aBurstOf300AlertsIn30GroupsCoalescesPacesEachChannelAndLosesNothing() {
    // given 30 groups of 10 alerts, each delivered three times as it grows and partly resolves,
    // while the outbox sends
    for (int g = 0; g < 30; g++) {
      deliver(g, 5, 0);
    }
    scheduler.advance(Duration.ofSeconds(1));
    for (int g = 0; g < 30; g++) {
      deliver(g, 10, 0);
    }
    scheduler.advance(Duration.ofSeconds(1));
    for (int g = 0; g < 30; g++) {
      deliver(g, 10, 3);
    }

    // when the outbox drains
    scheduler.advance(Duration.ofMinutes(5));

    // then every group is up to date in Slack
    assertThat(groups.behind()).isEmpty();
    List<FakeReplier.Call> calls = slack.calls();

    // and no channel got two calls within a second
    Map<String, Instant> last = new HashMap<>();
    for (int i = 0; i < calls.size(); i++) {
      Instant previous = last.put(calls.get(i).channel(), callTimes.get(i));
      if (previous != null) {
        assertThat(Duration.between(previous, callTimes.get(i)))
            .as("gap before call %d in %s", i, calls.get(i).channel())
            .isGreaterThanOrEqualTo(SlackOutbox.PER_CHANNEL);
      }
    }

    // and each group was posted once with one alerts reply, far fewer calls than deliveries x
    // alerts
    assertThat(calls.stream().filter(c -> c.method().equals("post") && c.threadTs() == null))
        .hasSize(30);
    assertThat(calls.stream().filter(c -> c.method().equals("post") && c.threadTs() != null))
        .hasSize(30);
    assertThat(calls).hasSizeLessThanOrEqualTo(4 * 30);

    // and every fingerprint is in a message of its group's channel, with its final status
    BlockKitRenderer renderer = new BlockKitRenderer();
    Map<String, StringBuilder> seen = new HashMap<>();
    for (FakeReplier.Call c : calls) {
      seen.computeIfAbsent(c.channel(), k -> new StringBuilder())
          .append(renderer.toJson(renderer.render(c.message())));
    }
    for (int g = 0; g < 30; g++) {
      String channel = CHANNELS.get(g % CHANNELS.size());
      for (int i = 0; i < 10; i++) {
        assertThat(seen.get(channel).toString()).contains(fingerprint(g, i));
      }
    }
    for (AlertGroup g : groupsById()) {
      FakeReplier.Call lastReply =
          calls.stream()
              .filter(c -> g.detailsTs().equals(c.ts()))
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(lastReply.message().text()).contains("7 firing, 3 resolved");
    }
  }

  private List<AlertGroup> groupsById() {
    List<AlertGroup> out = new ArrayList<>();
    for (int g = 0; g < 30; g++) {
      out.add(groups.find("alertmanager:{}:{service=\"g" + g + "\"}"));
    }
    return out;
  }
}
