package dev.jamiescarlet.bot.commands;

import java.util.List;

/** What {@code agents} shows: each agent's models, tools, limits, usage today and success rate. */
public interface AgentOverview {

  /** One entry per agent, in definition order. */
  List<Entry> agents();

  /**
   * One agent, as lines of text.
   *
   * @param name e.g. jamie
   * @param description its one-line description
   * @param models each model of its chain with the circuit breaker's state
   * @param tools the tool families it may call
   * @param limits steps, wall time, tokens per day, concurrency
   * @param usage today's tokens and estimated cost
   * @param feedback Helpful / Not helpful in the last 7 days
   */
  record Entry(
      String name,
      String description,
      List<String> models,
      String tools,
      String limits,
      String usage,
      String feedback) {
    public Entry {
      models = List.copyOf(models);
    }
  }
}
