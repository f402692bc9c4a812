package dev.jamiescarlet.agents.feedback;

import java.time.Instant;
import java.util.List;

/**
 * One answer an agent posted, as stored for feedback.
 *
 * @param thread the Slack thread's ts
 * @param toolsUsed the tool names the agent called, in order
 */
public record AnswerRecord(
    String agent,
    String model,
    String user,
    String channel,
    String thread,
    String question,
    String answer,
    List<String> toolsUsed,
    Instant created) {
  public AnswerRecord {
    toolsUsed = toolsUsed == null ? List.of() : List.copyOf(toolsUsed);
  }
}
