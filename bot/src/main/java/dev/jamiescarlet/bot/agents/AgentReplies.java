package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.agents.runtime.AgentOutcome;
import dev.jamiescarlet.agents.runtime.Usage;
import dev.jamiescarlet.agents.tools.EvidenceItem;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Agent outcomes as messages: the answer, its evidence, the model used and feedback buttons. */
public final class AgentReplies {
  /** action_id of Helpful. */
  public static final String HELPFUL = "agent.feedback.helpful";

  /** action_id of Not helpful. */
  public static final String UNHELPFUL = "agent.feedback.unhelpful";

  private static final int MAX_EVIDENCE_LINES = 6;

  private AgentReplies() {}

  /** What is shown while the agent has not written anything yet. */
  static Message thinking(String agent, String activity) {
    String line =
        activity == null
            ? "_" + agent + " is looking…_"
            : "_" + agent + ": " + Mrkdwn.escape(activity) + "…_";
    return Message.builder(agent + " is looking").section(line).build();
  }

  /** The answer so far, while it streams. */
  static Message streaming(String agent, String textSoFar, String activity) {
    Message.Builder b = Message.builder(textSoFar).section(ModelText.toMrkdwn(textSoFar + " …"));
    if (activity != null) {
      b.context("_" + agent + ": " + Mrkdwn.escape(activity) + "_");
    }
    return b.build();
  }

  /** A finished answer, with its evidence, model and (when stored) Helpful / Not helpful. */
  static Message answered(String agent, AgentOutcome.Answered a) {
    Message.Builder b = Message.builder(a.text()).section(ModelText.toMrkdwn(a.text()));
    List<String> evidence = evidenceLines(a.evidence());
    if (!evidence.isEmpty()) {
      b.context(String.join("\n", evidence));
    }
    b.context(agent + " · " + a.model() + usage(a.usage()) + " · nothing changes without approval");
    if (a.answerId() != null) {
      b.actions(
          List.of(
              Block.Button.of("Helpful", HELPFUL, a.answerId()),
              Block.Button.of("Not helpful", UNHELPFUL, a.answerId())));
    }
    return b.build();
  }

  /** Stopped before the end: why, what it had written, and what it found. */
  static Message stopped(String agent, AgentOutcome.Stopped s) {
    Message.Builder b =
        Message.builder(s.reason()).section(":hourglass: " + Mrkdwn.escape(s.reason()));
    if (!s.partialText().isBlank()) {
      b.section(ModelText.toMrkdwn(s.partialText()));
    }
    List<String> evidence = evidenceLines(s.evidence());
    if (!evidence.isEmpty()) {
      b.context("What " + agent + " looked at:\n" + String.join("\n", evidence));
    }
    return b.context("Ask a narrower question, or try `diagnose -n NAMESPACE`.").build();
  }

  /** No model: the deterministic answer, introduced honestly. */
  static Message noModel(AgentOutcome.NoModel n, Message deterministic) {
    String intro =
        n.configured()
            ? ":warning: "
                + Mrkdwn.escape(n.userMessage())
                + " Here is what I can tell you without it:"
            : "I need a language model to answer that properly, and none is configured."
                + " Here is what I can do without one:";
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Context(List.of(intro)));
    blocks.addAll(deterministic.blocks());
    return new Message(deterministic.text(), blocks, deterministic.inChannel());
  }

  /** A refusal before any work (access, budget, busy). */
  static Message refused(AgentOutcome.Refused r) {
    return Message.builder(r.message()).section(":no_entry: " + Mrkdwn.escape(r.message())).build();
  }

  static List<String> evidenceLines(List<EvidenceItem> evidence) {
    List<String> lines = new ArrayList<>();
    for (EvidenceItem e : evidence) {
      if (lines.size() == MAX_EVIDENCE_LINES) {
        lines.add("… and " + (evidence.size() - MAX_EVIDENCE_LINES) + " more tool calls");
        break;
      }
      // tool names and arguments come from the model: data, never markup
      lines.add(
          "`"
              + Mrkdwn.escape(e.id())
              + "` "
              + Mrkdwn.escape(e.tool())
              + " "
              + Mrkdwn.escape(shortArgs(e.arguments())));
    }
    return lines;
  }

  private static String shortArgs(String json) {
    if (json == null) {
      return "";
    }
    String compact = json.replaceAll("[{}\"]", "").replace(",", ", ").replace(":", "=");
    return compact.length() > 90 ? compact.substring(0, 89) + "…" : compact;
  }

  private static String usage(Usage u) {
    if (u == null || u.calls() == 0) {
      return "";
    }
    return String.format(Locale.ROOT, " · %,d tokens", u.inputTokens() + u.outputTokens());
  }
}
