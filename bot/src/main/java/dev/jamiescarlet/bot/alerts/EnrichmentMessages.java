package dev.jamiescarlet.bot.alerts;

import static dev.jamiescarlet.bot.render.Mrkdwn.escape;

import dev.jamiescarlet.bot.commands.Format;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.embeddings.memory.Hit;
import dev.jamiescarlet.tools.diagnosis.Finding;
import dev.jamiescarlet.tools.diagnosis.Severity;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The one enrichment message posted in an alert group's thread: logs, events, findings and runbooks
 * as sections, the chart as an attached PNG, and a short line for each part that is missing.
 * Everything from the cluster or the alert is escaped or fenced.
 */
public final class EnrichmentMessages {
  private static final int LINE_CHARS = 240;
  private static final int LOG_CHARS = 2_400;
  private static final int MESSAGE_CHARS = 300;

  private EnrichmentMessages() {}

  /** The message for what was gathered. */
  static Message message(EnrichmentGatherer.Gathered g) {
    EnrichmentTarget t = g.target();
    String where = t.namespace() + "/" + t.ref();
    Message.Builder b =
        Message.builder("Context for " + where)
            .section(
                ":mag: *Context for `"
                    + escape(where)
                    + "`* — logs, events, diagnosis, chart and runbooks, read by Jamie as the bot");
    List<String> notes = new ArrayList<>();
    if (g.replaced() != null) {
      notes.add(g.replaced());
    }
    logs(b, g.logs(), g.logsNote(), notes);
    events(b, g.events(), g.eventsNote(), notes);
    findings(b, g.findings(), g.findingsNote(), notes);
    runbooks(b, t, g.runbooks(), g.runbooksNote(), notes);
    if (g.chart() != null) {
      b.image(
          "alert-" + Mrkdwn.slug(t.expr()) + ".png",
          Format.cut(t.expr(), 150) + " · last 1 hour",
          g.chart());
    } else if (g.chartNote() != null) {
      notes.add(g.chartNote());
    }
    if (!notes.isEmpty()) {
      // notes quote exception messages, whose `code` marks stay
      b.context(notes.stream().map(Mrkdwn::escapeFormatted).toArray(String[]::new));
    }
    return b.build();
  }

  private static void logs(Message.Builder b, LogResult logs, String note, List<String> notes) {
    if (logs == null) {
      notes.add(note);
      return;
    }
    String which = logs.previous() ? " (previous run, before the last restart)" : "";
    String title =
        "*Last "
            + logs.lines().size()
            + " log lines* of `"
            + escape(logs.pod())
            + "`, container `"
            + escape(logs.container())
            + "`"
            + which;
    if (logs.lines().isEmpty()) {
      b.section(title + ": it has written nothing.");
      return;
    }
    b.section(title);
    b.code(null, tail(logs.lines()));
  }

  // the end of a log is where the error is: cut from the front
  private static String tail(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = Format.cut(lines.get(i), LINE_CHARS);
      if (out.length() + line.length() + 1 > LOG_CHARS) {
        break;
      }
      out.insert(0, line + (out.isEmpty() ? "" : "\n"));
    }
    return out.toString();
  }

  private static void events(
      Message.Builder b, List<EventSummary> events, String note, List<String> notes) {
    if (note != null) {
      notes.add(note);
      return;
    }
    if (events.isEmpty()) {
      b.section("*Recent events*: none for this object.");
      return;
    }
    StringBuilder s = new StringBuilder("*Recent events*");
    for (EventSummary e : events) {
      s.append("\n• ")
          .append("Warning".equals(e.type()) ? ":warning: " : "")
          .append('`')
          .append(escape(e.reason()))
          .append("` ")
          .append(e.count() > 1 ? "×" + e.count() + " " : "")
          .append("on `")
          .append(escape(e.object()))
          .append("` (")
          .append(Format.age(e.lastSeen()))
          .append(" ago): ")
          .append(escape(Format.cut(e.message(), MESSAGE_CHARS)));
    }
    b.section(s.toString());
  }

  private static void findings(
      Message.Builder b, List<Finding> findings, String note, List<String> notes) {
    if (note != null) {
      notes.add(note);
      return;
    }
    if (findings.isEmpty()) {
      b.section("*Diagnosis*: no findings for this workload.");
      return;
    }
    StringBuilder s = new StringBuilder("*Diagnosis*");
    for (Finding f : findings) {
      s.append("\n• ")
          .append(f.severity() == Severity.CRITICAL ? ":red_circle: " : ":large_orange_circle: ")
          .append('*')
          .append(escape(f.title()))
          .append('*');
      if (f.likelyCause() != null) {
        s.append(" — ").append(Mrkdwn.escapeFormatted(Format.cut(f.likelyCause(), MESSAGE_CHARS)));
      }
      if (!f.evidence().isEmpty()) {
        s.append("\n    _").append(escape(Format.cut(f.evidence().getFirst(), 200))).append('_');
      }
      if (f.nextStep() != null) {
        s.append("\n    Next: ").append(Mrkdwn.escapeFormatted(Format.cut(f.nextStep(), 200)));
      }
    }
    b.section(s.toString());
  }

  private static void runbooks(
      Message.Builder b, EnrichmentTarget t, List<Hit> hits, String note, List<String> notes) {
    if (note != null) {
      notes.add(note);
    }
    if (hits.isEmpty() && t.runbookUrl() == null) {
      if (note == null) {
        b.section("*Runbooks*: none match this alert.");
      }
      return;
    }
    StringBuilder s = new StringBuilder("*Runbooks*");
    for (Hit h : hits) {
      s.append("\n• *")
          .append(escape(h.memory().title()))
          .append("* — Source: `")
          .append(escape(h.memory().source()))
          .append('`');
    }
    if (t.runbookUrl() != null) {
      s.append("\n• ").append(Links.link(t.runbookUrl(), "The alert's runbook"));
    }
    b.section(s.toString());
  }
}
