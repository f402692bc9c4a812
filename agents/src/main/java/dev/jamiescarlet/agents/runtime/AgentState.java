package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.feedback.AgentAnswers;
import dev.jamiescarlet.agents.threads.ThreadMemories;
import dev.jamiescarlet.agents.usage.TokenBudgets;

/**
 * What the agents keep in MongoDB; each part may be null (tests, benchmarks), which turns it off.
 *
 * @param threads chat memory per Slack thread
 * @param budgets tokens per agent, person and channel per day
 * @param answers answers and their Helpful / Not helpful votes
 */
public record AgentState(ThreadMemories threads, TokenBudgets budgets, AgentAnswers answers) {
  /** Nothing kept: in-process window memory, no budgets, no feedback. */
  public static final AgentState NONE = new AgentState(null, null, null);
}
