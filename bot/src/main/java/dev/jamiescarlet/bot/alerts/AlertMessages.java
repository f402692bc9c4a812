package dev.jamiescarlet.bot.alerts;

import static dev.jamiescarlet.bot.render.Mrkdwn.escape;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Links;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The messages of an alert group, both updated in place: the group's, and the "alerts" reply in its
 * thread. Alert text comes from outside, so it is escaped: a description cannot mention @channel or
 * forge a link.
 */
public final class AlertMessages {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** Alerts listed in an "alerts" reply; the rest are in its attached file. */
  public static final int LISTED = 40;

  // where an alert is, shown on its line when present
  private static final List<String> KEY_LABELS =
      List.of("namespace", "pod", "instance", "service", "node");

  private final Clock clock;
  private final AlertButtons buttons;

  /** Ages are computed against {@code clock}; no {@code cluster} label names a known cluster. */
  public AlertMessages(Clock clock) {
    this(clock, new AlertButtons(clock, cluster -> false));
  }

  /** Ages are computed against {@code clock}; {@code buttons} adds the message's buttons. */
  public AlertMessages(Clock clock, AlertButtons buttons) {
    this.clock = clock;
    this.buttons = buttons;
  }

  /** The group's message: status, counts, severity, where, since when, the link, who acked. */
  public Message group(AlertGroup g) {
    boolean firing = g.firingCount() > 0;
    String status = firing ? ":fire: FIRING" : ":white_check_mark: RESOLVED";
    Message.Builder b =
        Message.builder(
                (firing ? "Firing: " : "Resolved: ")
                    + g.title()
                    + " ("
                    + g.firingCount()
                    + " firing, "
                    + g.resolvedCount()
                    + " resolved)")
            .header(status + ": " + g.title());
    List<Block.Field> fields = new ArrayList<>();
    fields.add(
        new Block.Field(
            "Alerts", g.firingCount() + " firing · " + g.resolvedCount() + " resolved"));
    fields.add(new Block.Field("Severity", values(g, "severity")));
    fields.add(new Block.Field("Namespace", values(g, "namespace")));
    String pods = values(g, "pod");
    if (!pods.equals("—")) {
      fields.add(new Block.Field("Pod", pods));
    }
    Instant started = started(g);
    Instant ended = firing ? null : ended(g);
    if (started != null) {
      fields.add(
          new Block.Field(
              "Started",
              TIME.format(started)
                  + (ended == null ? " (" + age(started, clock.instant()) + " ago)" : "")));
    }
    if (ended != null) {
      fields.add(
          new Block.Field(
              "Resolved",
              TIME.format(ended)
                  + (started == null ? "" : " (lasted " + age(started, ended) + ")")));
    }
    if (g.source() == AlertSource.ARGOCD) {
      argoCdFields(g, fields);
    }
    fields.add(new Block.Field("Source", g.source().displayName()));
    b.fields(fields);
    if (g.alerts().size() == 1
        && g.alerts().getFirst().alert().annotations().get("description") != null) {
      b.section(escape(g.alerts().getFirst().alert().annotations().get("description")));
    }
    String link = link(g);
    if (link != null) {
      b.section(Links.link(link, "Open in " + g.source().displayName()));
    }
    ArgoCdAlertButtons.add(g, b);
    buttons.addTo(g, b);
    b.context(
        g.acknowledgedBy() == null
            ? "Not acknowledged · details of each alert in the thread"
            : "Acknowledged by " + Links.user(g.acknowledgedBy()));
    return b.build();
  }

  /**
   * The group's one "alerts" reply in its thread, updated in place: a single alert's full details,
   * or one line per alert (the first {@value #LISTED} shown, all of them in an attached file).
   */
  public Message details(AlertGroup g) {
    if (g.alerts().size() == 1) {
      return details(g, g.alerts().getFirst());
    }
    List<GroupAlert> ordered = new ArrayList<>();
    g.alerts().stream().filter(GroupAlert::firing).forEach(ordered::add);
    g.alerts().stream().filter(a -> !a.firing()).forEach(ordered::add);
    int shown = Math.min(LISTED, ordered.size());
    // pruned resolved alerts and firing ones past the list's bound still count
    long total = g.alerts().size() + g.unlisted();
    Message.Builder b =
        Message.builder(
                g.title()
                    + ": "
                    + total
                    + " alerts ("
                    + g.firingCount()
                    + " firing, "
                    + g.resolvedCount()
                    + " resolved)")
            .section(
                "*"
                    + total
                    + " alerts* · "
                    + g.firingCount()
                    + " firing · "
                    + g.resolvedCount()
                    + " resolved");
    StringBuilder lines = new StringBuilder();
    for (GroupAlert a : ordered.subList(0, shown)) {
      lines.append(line(g, a.alert())).append('\n');
    }
    b.section(lines.toString().strip());
    if (shown < ordered.size()) {
      StringBuilder all = new StringBuilder();
      for (GroupAlert a : ordered) {
        all.append(fileLine(g, a.alert())).append('\n');
      }
      b.context(
          "Showing " + shown + " of " + ordered.size() + " alerts; all of them are in the file");
      b.file("alerts.txt", "All " + ordered.size() + " alerts of " + g.title(), all.toString());
    } else {
      b.context("Updated in place as the group changes");
    }
    if (g.unlisted() > 0) {
      b.context(
          g.unlisted()
              + " more not listed (resolved ones pruned after an hour or past "
              + GroupMerge.MAX_RESOLVED
              + ", firing ones past "
              + GroupMerge.MAX_LISTED
              + "); they are counted above");
    }
    return b.build();
  }

  // one mrkdwn line: status, alertname, where, fingerprint
  private static String line(AlertGroup g, Alert a) {
    StringBuilder out =
        new StringBuilder(a.firing() ? ":fire: firing" : ":white_check_mark: resolved")
            .append(" · *")
            .append(escape(clip(a.labels().getOrDefault("alertname", g.title()))))
            .append('*');
    for (String key : KEY_LABELS) {
      String v = a.labels().get(key);
      if (v != null) {
        out.append(" · ").append(key).append(" `").append(escape(clip(v))).append('`');
      }
    }
    return out.append(" · `").append(escape(a.fingerprint())).append('`').toString();
  }

  // one plain line for the file: fingerprint, status, alertname, every label
  private static String fileLine(AlertGroup g, Alert a) {
    StringBuilder labels = new StringBuilder();
    new TreeMap<>(a.labels())
        .forEach(
            (k, v) ->
                labels
                    .append(labels.isEmpty() ? "" : ", ")
                    .append(k)
                    .append("=\"")
                    .append(v)
                    .append('"'));
    return a.fingerprint()
        + "  "
        + a.status()
        + "  "
        + a.labels().getOrDefault("alertname", g.title())
        + "  {"
        + labels
        + "}";
  }

  private static String clip(String v) {
    return v.length() <= 60 ? v : v.substring(0, 59) + "…";
  }

  /** One alert's full details: the reply of a single-alert group. */
  Message details(AlertGroup g, GroupAlert a) {
    Alert alert = a.alert();
    String name = alert.labels().getOrDefault("alertname", g.title());
    String summary = alert.annotations().get("summary");
    Message.Builder b =
        Message.builder(name + " " + alert.status())
            .section(
                (alert.firing() ? ":fire: *" : ":white_check_mark: *")
                    + escape(name)
                    + "* "
                    + alert.status()
                    + (summary == null ? "" : " — " + escape(summary)));
    String description = alert.annotations().get("description");
    if (description != null) {
      b.section(escape(description));
    }
    List<Block.Field> fields = new ArrayList<>();
    if (alert.startsAt() != null) {
      fields.add(new Block.Field("Started", TIME.format(alert.startsAt())));
    }
    if (alert.endsAt() != null && !alert.firing()) {
      fields.add(new Block.Field("Ended", TIME.format(alert.endsAt())));
    }
    if (!fields.isEmpty()) {
      b.fields(fields);
    }
    List<List<String>> rows = new ArrayList<>();
    new TreeMap<>(alert.labels()).forEach((k, v) -> rows.add(List.of(k, v)));
    if (!rows.isEmpty()) {
      b.table(List.of("label", "value"), rows);
    }
    List<String> links = new ArrayList<>();
    if (alert.url() != null) {
      links.add(Links.link(alert.url(), "Source"));
    }
    String runbook = alert.annotations().get("runbook_url");
    if (runbook != null) {
      links.add(Links.link(runbook, "Runbook"));
    }
    links.add("fingerprint `" + escape(alert.fingerprint()) + "`");
    b.context(String.join(" · ", links));
    return b.build();
  }

  // distinct values of a label across the group's alerts, at most three shown
  private static String values(AlertGroup g, String label) {
    TreeSet<String> seen = new TreeSet<>();
    for (GroupAlert a : g.alerts()) {
      String v = a.labels().get(label);
      if (v != null) {
        seen.add(v);
      }
    }
    if (seen.isEmpty()) {
      return "—";
    }
    List<String> shown = new ArrayList<>(seen).subList(0, Math.min(3, seen.size()));
    String more = seen.size() > 3 ? " +" + (seen.size() - 3) + " more" : "";
    // field values are data, shown as written (the renderer escapes them)
    return String.join(", ", shown) + more;
  }

  // sync and health status and the revision, from the one alert of an Argo CD group
  private static void argoCdFields(AlertGroup g, List<Block.Field> fields) {
    Alert a = g.alerts().getFirst().alert();
    String sync = a.labels().get("sync_status");
    String health = a.labels().get("health_status");
    if (sync != null || health != null) {
      fields.add(
          new Block.Field(
              "Sync / health",
              (sync == null ? "—" : sync) + " / " + (health == null ? "—" : health)));
    }
    String revision = a.annotations().get("revision");
    if (revision != null) {
      fields.add(
          new Block.Field("Revision", revision.substring(0, Math.min(7, revision.length()))));
    }
  }

  private static Instant ended(AlertGroup g) {
    return g.alerts().stream()
        .map(a -> a.alert().endsAt() != null ? a.alert().endsAt() : a.lastSeen())
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .orElse(null);
  }

  private static Instant started(AlertGroup g) {
    return g.alerts().stream()
        .map(a -> a.alert().startsAt() != null ? a.alert().startsAt() : a.firstSeen())
        .filter(Objects::nonNull)
        .min(Instant::compareTo)
        .orElse(null);
  }

  private static String link(AlertGroup g) {
    if (g.source() != AlertSource.ALERTMANAGER || g.externalUrl() == null) {
      for (GroupAlert a : g.alerts()) {
        if (a.alert().url() != null) {
          return a.alert().url();
        }
      }
    }
    return g.externalUrl();
  }

  private static String age(Instant since, Instant until) {
    Duration d = Duration.between(since, until);
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    if (d.toDays() > 0) {
      return d.toDays() + "d " + d.toHoursPart() + "h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "h " + d.toMinutesPart() + "m";
    }
    return d.toMinutes() + "m";
  }
}
