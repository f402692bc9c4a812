package dev.jamiescarlet.agents.definitions;

import java.util.List;

/**
 * How a message reaches an agent.
 *
 * @param mentions names that address it, e.g. {@code scarlet} in "@scarlet why…"
 * @param slashCommands slash commands it answers, e.g. {@code /scarlet}
 */
public record Triggers(List<String> mentions, List<String> slashCommands) {
  public Triggers {
    mentions = List.copyOf(mentions);
    slashCommands = List.copyOf(slashCommands);
  }
}
