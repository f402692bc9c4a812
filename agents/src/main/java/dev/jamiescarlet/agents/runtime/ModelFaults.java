package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.tools.ToolContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a conversation shows when the model's endpoint misbehaves: a redone stream, a silence. */
final class ModelFaults {
  private static final Logger log = LoggerFactory.getLogger(ModelFaults.class);

  private ModelFaults() {}

  /** Takes back the last {@code characters} streamed: the model is answering that part again. */
  static void redo(StringBuilder text, int characters, ReplyStream stream) {
    String kept;
    synchronized (text) {
      text.setLength(Math.max(0, text.length() - characters));
      kept = text.toString();
    }
    // the whole text so far replaces the message, so the cut half-answer disappears from it
    stream.partial(kept);
    stream.progress("the model's answer broke off; asking it again");
  }

  /** Nothing streamed and no tool run: the whole wall time went waiting for the model. */
  static boolean silent(StringBuilder text, ToolContext tools) {
    synchronized (text) {
      return text.isEmpty() && tools.evidence().items().isEmpty();
    }
  }

  /** No model answer in the wall time: the bot gives its deterministic answer and says why. */
  static AgentOutcome.NoModel tooSlow(AgentDefinition definition) {
    String wall = Durations.words(definition.limits().wallTime());
    log.warn(
        "{}: the model did not answer within the wall time ({}); check the endpoint's load, or"
            + " raise model.timeout and limits.wallTime in the agent definition",
        definition.name(),
        wall);
    return new AgentOutcome.NoModel(
        true,
        "The language model did not answer in time ("
            + wall
            + "), so I can't give you its answer; please try again in a few minutes or ask the"
            + " platform team to check the model's load.",
        "the model did not answer within the wall time of " + wall);
  }
}
