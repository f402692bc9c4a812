package dev.jamiescarlet.agents.definitions;

import java.util.Set;

/**
 * What an agent remembers.
 *
 * @param threadMessages how many recent messages of a Slack thread it keeps
 * @param summariseAfter after how many messages older ones are summarised
 * @param retrievalScopes which memories it may retrieve: channel, team, global
 */
public record MemorySettings(int threadMessages, int summariseAfter, Set<String> retrievalScopes) {
  /** The scopes a definition may name. */
  public static final Set<String> SCOPES = Set.of("channel", "team", "global");

  public MemorySettings {
    retrievalScopes = Set.copyOf(retrievalScopes);
  }
}
