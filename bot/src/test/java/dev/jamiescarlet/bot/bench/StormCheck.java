package dev.jamiescarlet.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import dev.jamiescarlet.bot.sandbox.SlackSandbox;
import dev.jamiescarlet.bot.sandbox.state.TsClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What reached the sandbox Slack: every fingerprint in some message or attached file, one group
 * message per group, and the bot's writes per channel per second from the recorded timestamps.
 */
final class StormCheck {
  private static final long SECOND_MICROS = 1_000_000;

  private int groupMessages;
  private int replies;
  private int files;
  private long totalWrites;
  private long lastWriteMicros;
  private int maxChatPerSecond;
  private int maxWritesPerSecond;
  private String busiestChannel = "";
  private double meanPerChannel;
  private final List<String> lost = new ArrayList<>();
  private long startMicros;

  private StormCheck() {}

  static StormCheck run(SlackSandbox sandbox, StormWorkload workload, long startMicros)
      throws Exception {
    StormCheck c = new StormCheck();
    c.startMicros = startMicros;
    SandboxClient slack = new SandboxClient(sandbox.baseUrl());
    HttpClient http = HttpClient.newHttpClient();
    StringBuilder[] seen = new StringBuilder[workload.teams()];
    double rates = 0;
    for (int t = 0; t < workload.teams(); t++) {
      String channel = StormWorkload.channel(t);
      seen[t] = new StringBuilder();
      Set<Long> fileShares = new HashSet<>();
      for (JsonNode m : slack.messagesSince(channel, null)) {
        seen[t].append(m.toString());
        boolean top =
            m.path("thread_ts").asText("").isEmpty()
                || m.path("thread_ts").asText().equals(m.path("ts").asText());
        if ("file_share".equals(m.path("subtype").asText())) {
          fileShares.add(TsClock.parse(m.path("ts").asText()));
          for (JsonNode f : m.path("files")) {
            c.files++;
            seen[t].append(
                http.send(
                        HttpRequest.newBuilder(URI.create(f.path("url_private").asText())).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body());
          }
        } else if (top) {
          c.groupMessages++;
          if (!m.path("text").asText().matches("(Firing|Resolved): .*")) {
            System.out.println("unexpected top-level message: " + m);
          }
        } else {
          c.replies++;
        }
      }
      List<Long> writes = sandbox.writeTimes(channel);
      List<Long> chat = writes.stream().filter(w -> !fileShares.contains(w)).toList();
      c.totalWrites += writes.size();
      int all = maxInWindow(writes);
      c.maxChatPerSecond = Math.max(c.maxChatPerSecond, maxInWindow(chat));
      if (all > c.maxWritesPerSecond) {
        c.maxWritesPerSecond = all;
        c.busiestChannel = channel;
      }
      if (!writes.isEmpty()) {
        c.lastWriteMicros = Math.max(c.lastWriteMicros, writes.getLast());
        rates += writes.size() * 1e6 / Math.max(1, writes.getLast() - writes.getFirst());
      }
    }
    c.meanPerChannel = rates / workload.teams();
    for (StormWorkload.Expected e : workload.expected()) {
      int team = Integer.parseInt(e.channel().substring("C0TEAM".length()));
      if (seen[team].indexOf(e.fingerprint()) < 0) {
        c.lost.add(e.fingerprint());
      }
    }
    return c;
  }

  // the most timestamps in any window [t, t + 1 s)
  private static int maxInWindow(List<Long> times) {
    List<Long> sorted = times.stream().sorted().toList();
    int best = 0;
    for (int lo = 0, hi = 0; hi < sorted.size(); hi++) {
      while (sorted.get(hi) - sorted.get(lo) >= SECOND_MICROS) {
        lo++;
      }
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  }

  int groupMessages() {
    return groupMessages;
  }

  long totalWrites() {
    return totalWrites;
  }

  void print(boolean drained) {
    System.out.printf(
        Locale.ROOT,
        "delivered: %s %.1f s after the start (last Slack write); %,d group messages, %,d alerts"
            + " replies, %,d files; %,d Slack writes in all%n",
        drained ? "every group up to date" : "NOT DRAINED within the limit; last write",
        (lastWriteMicros - startMicros) / 1e6,
        groupMessages,
        replies,
        files,
        totalWrites);
    System.out.printf(
        Locale.ROOT,
        "slack: max messages (chat.postMessage + chat.update) in any 1 s window of one channel: %d;"
            + " with file shares: %d (%s); mean %.2f writes/s per channel while it was busy%n",
        maxChatPerSecond,
        maxWritesPerSecond,
        busiestChannel,
        meanPerChannel);
    System.out.printf(
        Locale.ROOT,
        "lost: %d fingerprints not visible in any message or file%s%n",
        lost.size(),
        lost.isEmpty() ? "" : " (first: " + lost.subList(0, Math.min(5, lost.size())) + ")");
  }
}
