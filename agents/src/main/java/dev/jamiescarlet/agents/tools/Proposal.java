package dev.jamiescarlet.agents.tools;

import java.util.List;

/**
 * A change an agent suggests; a person approves or ignores it in Slack, tools never run it.
 *
 * @param command one line in the bot's command grammar, e.g. {@code restart deployment/checkout -n
 *     shop}
 * @param reason why, in the agent's words
 * @param evidenceIds the evidence it rests on: the ids the reason cites, else every call so far
 */
public record Proposal(String command, String reason, List<String> evidenceIds) {
  /** Copies. */
  public Proposal {
    evidenceIds = List.copyOf(evidenceIds);
  }
}
