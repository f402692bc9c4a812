package dev.jamiescarlet.agents.feedback;

import java.util.OptionalDouble;

/**
 * Votes on an agent's answers.
 *
 * @param model the model, or {@code null} for all of the agent's models
 */
public record SuccessRate(String agent, String model, long helpful, long unhelpful) {
  /** All votes cast. */
  public long votes() {
    return helpful + unhelpful;
  }

  /** Helpful votes over all votes; empty when nobody voted. */
  public OptionalDouble rate() {
    return votes() == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) helpful / votes());
  }
}
