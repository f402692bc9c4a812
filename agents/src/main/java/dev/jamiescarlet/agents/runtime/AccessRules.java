package dev.jamiescarlet.agents.runtime;

import dev.jamiescarlet.agents.definitions.Access;

/** Whether a definition's {@code access} lets a person in a channel talk to the agent. */
final class AccessRules {
  private AccessRules() {}

  /**
   * Everyone when the rules are empty; otherwise the person, one of their groups, or the channel.
   */
  static boolean allows(Access access, Asker asker) {
    if (access.everyone()) {
      return true;
    }
    if (access.users().contains(asker.user()) || access.channels().contains(asker.channel())) {
      return true;
    }
    for (String group : access.usergroups()) {
      if (asker.groups().contains(group)) {
        return true;
      }
    }
    return false;
  }
}
