package dev.jamiescarlet.agents.definitions;

import java.util.List;

/**
 * Who may talk to an agent; all three empty means everyone.
 *
 * @param users Slack user ids (U…)
 * @param usergroups Slack user group ids (S…) or handles
 * @param channels Slack channel ids (C…, G…)
 */
public record Access(List<String> users, List<String> usergroups, List<String> channels) {
  public Access {
    users = List.copyOf(users);
    usergroups = List.copyOf(usergroups);
    channels = List.copyOf(channels);
  }

  /** Whether nobody is excluded. */
  public boolean everyone() {
    return users.isEmpty() && usergroups.isEmpty() && channels.isEmpty();
  }
}
