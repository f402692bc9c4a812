package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.agents.runtime.Progress;
import dev.jamiescarlet.agents.runtime.Report;
import dev.jamiescarlet.agents.tools.Proposal;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import java.util.List;
import java.util.Locale;

/** An investigation's status message (edited as it goes) and its final report. */
final class ScarletMessages {
  /** Reports longer than this also go up as a Markdown file (shorter ones fit the message). */
  static final int LONG_REPORT = 3_000;

  private ScarletMessages() {}

  static Message status(String agent, Progress p) {
    StringBuilder lines = new StringBuilder();
    for (Progress.Step step : p.steps()) {
      String mark =
          switch (step.state()) {
            case DONE -> ":white_check_mark:";
            case RUNNING -> ":hourglass_flowing_sand:";
            case SKIPPED -> ":fast_forward:";
            case PENDING -> ":white_circle:";
          };
      lines.append(mark).append(" *").append(Mrkdwn.escape(step.name())).append('*');
      if (step.summary() != null && !step.summary().isBlank()) {
        lines.append(" — ").append(ModelText.toMrkdwn(step.summary()));
      }
      lines.append('\n');
    }
    String title = p.finished() ? agent + " finished investigating" : agent + " is investigating";
    Message.Builder b =
        Message.builder(title + ": " + p.question())
            .section("*" + title + ":* " + ModelText.toMrkdwn(p.question()))
            .section(lines.toString().strip());
    String footer = p.toolCalls() + (p.toolCalls() == 1 ? " tool call" : " tool calls");
    if (p.activity() != null && !p.finished()) {
      footer = "Now: " + Mrkdwn.escape(p.activity()) + " · " + footer;
    }
    if (p.finished()) {
      footer = footer + " · the report is in this thread";
    }
    return b.context(footer).build();
  }

  static Message report(String agent, Report r) {
    String confidence = r.confidence().toUpperCase(Locale.ROOT);
    Message.Builder b =
        Message.builder(agent + "'s report: " + r.question())
            .header(agent + "'s report")
            .section("*Question:* " + ModelText.toMrkdwn(r.question()))
            .section(ModelText.toMrkdwn(r.conclusion()))
            .context("Confidence: *" + confidence + "*");
    if (r.stopped() != null) {
      b.context(":hourglass: " + Mrkdwn.escape(r.stopped()));
    }
    List<String> evidence = AgentReplies.evidenceLines(r.evidence());
    if (!evidence.isEmpty()) {
      b.context("Evidence:\n" + String.join("\n", evidence));
    }
    if (!r.proposals().isEmpty()) {
      StringBuilder ps = new StringBuilder("Proposals (each needs a person's approval):");
      for (Proposal p : r.proposals()) {
        ps.append("\n• `")
            .append(Mrkdwn.escape(p.command()))
            .append("` — ")
            .append(Mrkdwn.escape(p.reason()));
      }
      b.context(ps.toString());
    }
    String markdown = markdown(agent, r);
    if (markdown.length() > LONG_REPORT) {
      b.code("report.md", markdown);
    }
    return b.build();
  }

  /** The whole report as a Markdown document. */
  static String markdown(String agent, Report r) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(agent).append("'s report\n\n");
    md.append("**Question:** ").append(r.question()).append("\n\n");
    md.append("## Conclusion\n\n").append(r.conclusion()).append("\n\n");
    md.append("Confidence: ").append(r.confidence()).append("\n\n");
    md.append("## Plan\n\n").append(r.plan()).append("\n\n");
    md.append("## Hypotheses\n\n").append(r.hypotheses()).append("\n\n");
    md.append("## Checks\n\n").append(r.checks()).append("\n\n");
    md.append("## Evidence\n\n");
    r.evidence()
        .forEach(
            e ->
                md.append("- ")
                    .append(e.id())
                    .append(' ')
                    .append(e.tool())
                    .append(' ')
                    .append(e.arguments())
                    .append("\n  ")
                    .append(e.excerpt().replace("\n", "\n  "))
                    .append('\n'));
    if (!r.proposals().isEmpty()) {
      md.append("\n## Proposals\n\n");
      r.proposals()
          .forEach(
              p ->
                  md.append("- `")
                      .append(p.command())
                      .append("`: ")
                      .append(p.reason())
                      .append('\n'));
    }
    return md.toString();
  }
}
