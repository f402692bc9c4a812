package dev.jamiescarlet.bot.policy;

import java.util.List;
import java.util.Set;

/**
 * Gives a role to Slack users, user groups or everyone in a channel, within a scope.
 *
 * @param index position in the file, for messages ({@code bindings[2]})
 * @param role the role's name
 * @param users Slack user IDs (U…)
 * @param groups Slack user group IDs (S…)
 * @param channels Slack channel IDs (C…): anyone asking there
 * @param scope where it applies
 */
public record Binding(
    int index,
    String role,
    List<String> users,
    List<String> groups,
    List<String> channels,
    Scope scope) {

  /** Copies. */
  public Binding {
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    channels = List.copyOf(channels);
  }

  /** Whether it names this person, one of their groups, or the channel they asked in. */
  public boolean covers(String userId, Set<String> userGroups, String channelId) {
    return users.contains(userId)
        || groups.stream().anyMatch(userGroups::contains)
        || (channelId != null && channels.contains(channelId));
  }

  /** {@code bindings[2] (role operator)}. */
  public String label() {
    return "bindings[" + index + "] (role `" + role + "`)";
  }
}
