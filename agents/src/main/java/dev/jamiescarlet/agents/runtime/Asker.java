package dev.jamiescarlet.agents.runtime;

import java.util.Set;

/**
 * Who asks an agent, and where: the Slack person, channel and thread, and their user groups.
 *
 * @param user Slack user id
 * @param channel Slack channel id (a DM's id for direct messages)
 * @param thread the thread's ts, or null for a DM without a thread
 * @param team the team name prompts speak of (e.g. "platform")
 * @param cluster the cluster the channel defaults to, or null for the registry's default
 * @param groups the person's Slack user group ids, for agent access rules
 */
public record Asker(
    String user, String channel, String thread, String team, String cluster, Set<String> groups) {
  public Asker {
    groups = Set.copyOf(groups);
  }

  /** The conversation this belongs to: the thread, or the whole DM when there is none. */
  public String conversationKey() {
    return channel + ":" + (thread == null ? "-" : thread);
  }
}
