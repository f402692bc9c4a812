package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.tools.EvidenceItem;
import dev.jamiescarlet.agents.tools.Proposal;
import java.util.List;
import java.util.Set;

/** How an agent request ended; the bot renders each kind. */
public sealed interface AgentOutcome {

  /**
   * The agent answered.
   *
   * @param text the answer (already redacted by the Slack layer on the way out)
   * @param model the model that produced the final answer
   * @param evidence the tool calls behind it, for citations
   * @param proposals changes the agent proposed; none has run
   * @param grounded object names the agent saw in tool output (a proposal must be about one)
   * @param usage tokens spent on this request
   * @param answerId the stored answer's id for feedback, or null when not stored
   */
  record Answered(
      String text,
      String model,
      List<EvidenceItem> evidence,
      List<Proposal> proposals,
      Set<String> grounded,
      Usage usage,
      String answerId)
      implements AgentOutcome {
    public Answered {
      evidence = List.copyOf(evidence);
      proposals = List.copyOf(proposals);
      grounded = Set.copyOf(grounded);
    }

    /** The same answer with its stored id, for the feedback buttons. */
    public Answered withId(String id) {
      return new Answered(text, model, evidence, proposals, grounded, usage, id);
    }
  }

  /**
   * The agent stopped before answering: out of steps or wall time. What it found so far is kept.
   *
   * @param reason one sentence for Slack
   * @param partialText whatever text was streamed before it stopped
   * @param evidence the tool calls made
   * @param usage tokens spent
   */
  record Stopped(String reason, String partialText, List<EvidenceItem> evidence, Usage usage)
      implements AgentOutcome {
    public Stopped {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * No model answered (none configured, or every one failed): the bot gives its deterministic
   * answer instead, and says so.
   *
   * @param configured whether a model is configured at all
   * @param userMessage one sentence for Slack
   * @param operatorMessage the reasons per model, for the log
   */
  record NoModel(boolean configured, String userMessage, String operatorMessage)
      implements AgentOutcome {}

  /**
   * The agent refused before starting: access, budget or busy.
   *
   * @param message one or two sentences for Slack, naming what to do
   */
  record Refused(String message) implements AgentOutcome {}
}
