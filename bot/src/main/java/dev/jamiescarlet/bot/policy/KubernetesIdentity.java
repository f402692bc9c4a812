package dev.jamiescarlet.bot.policy;

import java.util.List;

/**
 * Whom Kubernetes calls impersonate for a Slack user.
 *
 * @param user Kubernetes user name
 * @param groups Kubernetes groups
 */
public record KubernetesIdentity(String user, List<String> groups) {
  /** Copies. */
  public KubernetesIdentity {
    groups = List.copyOf(groups);
  }
}
