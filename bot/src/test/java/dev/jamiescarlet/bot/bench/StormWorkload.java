package dev.jamiescarlet.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The alert storm as Alertmanager would send it (webhook version 4): groups spread over teams, each
 * delivered several times as it grows, some resolving and some repeated.
 *
 * <p>Per group: at {@code start} the first half of its alerts; 12 s later all of them; 24 s later,
 * for every second group, all with a quarter resolved; every tenth group also gets a repeat of the
 * second delivery (Alertmanager retrying). Starts are spread over the first 25 s, so every delivery
 * is sent within 50 s.
 */
final class StormWorkload {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] NAMES = {
    "KubePodCrashLooping", "KubePodNotReady", "HighErrorRate", "TargetDown", "CPUThrottlingHigh"
  };
  private static final Instant STARTS_AT = Instant.parse("2026-11-21T09:00:00Z");
  private static final Instant ENDS_AT = Instant.parse("2026-11-21T09:30:00Z");

  /** One webhook request: when to send it (ms after the start), its body and how many alerts. */
  record Delivery(long atMillis, int group, byte[] body, int alerts) {}

  /** One alert as the last delivery left it. */
  record Expected(String fingerprint, String channel, boolean firing) {}

  private final int groups;
  private final int alerts;
  private final int large;
  private final int largeSize;
  private final int teams;
  private final boolean warmUp;

  StormWorkload(int groups, int alerts, int teams) {
    this(groups, alerts, teams, false);
  }

  /**
   * A warm-up workload has its own groups and no {@code team} label, so it goes to the default
   * channel.
   */
  StormWorkload(int groups, int alerts, int teams, boolean warmUp) {
    this.warmUp = warmUp;
    this.groups = groups;
    this.alerts = alerts;
    this.teams = teams;
    // one group in fifty is large (100 alerts), so the listing-plus-file path runs too
    this.large = groups / 50;
    this.largeSize = Math.min(100, alerts / Math.max(1, groups) * 10);
  }

  /** The Slack channel of a team: {@code C0TEAM00}… */
  static String channel(int team) {
    return String.format(Locale.ROOT, "C0TEAM%02d", team);
  }

  int teams() {
    return teams;
  }

  /** The routes file: one route per team label. */
  String routesYaml() {
    StringBuilder y = new StringBuilder("routes:\n");
    for (int t = 0; t < teams; t++) {
      y.append(
          String.format(
              Locale.ROOT, "  - match: [team=team-%02d]\n    channel: %s\n", t, channel(t)));
    }
    return y.toString();
  }

  int size(int group) {
    if (group < large) {
      return largeSize;
    }
    int rest = alerts - large * largeSize;
    int others = groups - large;
    int base = rest / others;
    return base + (group - large < rest % others ? 1 : 0);
  }

  String fingerprint(int group, int i) {
    long x = ((warmUp ? 1_000_000L : 0L) + group * 100_003L + i) * 0x9E3779B97F4A7C15L;
    x ^= x >>> 29;
    return String.format(Locale.ROOT, "%016x", x);
  }

  /** Every delivery, in the order they are due. */
  List<Delivery> deliveries() {
    List<Delivery> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      long start = (long) g * 25_000 / groups;
      int n = size(g);
      out.add(delivery(start, g, (n + 1) / 2, 0));
      out.add(delivery(start + 12_000, g, n, 0));
      if (g % 2 == 0) {
        out.add(delivery(start + 24_000, g, n, n / 4));
      }
      if (g % 10 == 5) {
        out.add(delivery(start + 18_000, g, n, 0));
      }
    }
    out.sort(Comparator.comparingLong(Delivery::atMillis));
    return out;
  }

  /** Every alert with its channel and final state. */
  List<Expected> expected() {
    List<Expected> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int n = size(g);
      int resolved = g % 2 == 0 ? n / 4 : 0;
      for (int i = 0; i < n; i++) {
        out.add(new Expected(fingerprint(g, i), channel(g % teams), i >= resolved));
      }
    }
    return out;
  }

  private Delivery delivery(long at, int group, int count, int resolved) {
    String team = warmUp ? "warm-up" : String.format(Locale.ROOT, "team-%02d", group % teams);
    String name = NAMES[group % NAMES.length];
    String groupName = String.format(Locale.ROOT, warmUp ? "w%04d" : "g%04d", group);
    Map<String, String> groupLabels = new LinkedHashMap<>();
    groupLabels.put("alertname", name);
    groupLabels.put("team", team);
    groupLabels.put("service", groupName);
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "4");
    root.put(
        "groupKey",
        "{}/{team=\"" + team + "\"}:{alertname=\"" + name + "\", service=\"" + groupName + "\"}");
    root.put("truncatedAlerts", 0);
    root.put("status", resolved < count ? "firing" : "resolved");
    root.put("receiver", "jamie");
    root.set("groupLabels", JSON.valueToTree(groupLabels));
    ObjectNode common = JSON.valueToTree(groupLabels);
    common.put("severity", group % 3 == 0 ? "critical" : "warning");
    root.set("commonLabels", common);
    root.putObject("commonAnnotations");
    root.put("externalURL", "http://alertmanager.monitoring:9093");
    ArrayNode items = root.putArray("alerts");
    for (int i = 0; i < count; i++) {
      boolean firing = i >= resolved;
      ObjectNode a = items.addObject();
      a.put("status", firing ? "firing" : "resolved");
      ObjectNode labels = a.putObject("labels");
      labels.setAll(common);
      labels.put("namespace", "ns-" + group % 37);
      labels.put("pod", groupName + "-" + Integer.toString(i * 7919 + 12345, 36) + "-" + i);
      ObjectNode annotations = a.putObject("annotations");
      annotations.put("summary", name + " on " + groupName);
      annotations.put("description", "Pod " + i + " of " + groupName + " needs attention.");
      a.put("startsAt", STARTS_AT.toString());
      a.put("endsAt", firing ? "0001-01-01T00:00:00Z" : ENDS_AT.toString());
      a.put("generatorURL", "http://prometheus.monitoring:9090/graph?g0.expr=up");
      a.put("fingerprint", fingerprint(group, i));
    }
    return new Delivery(at, group, root.toString().getBytes(StandardCharsets.UTF_8), count);
  }
}
