package dev.jamiescarlet.tools.kubernetes;

import java.util.List;

/**
 * Who a Kubernetes call acts as: a user and groups to impersonate, or the bot's own identity.
 *
 * @param kubernetesUser the Kubernetes user name to impersonate (e.g. ada@example.com), or null for
 *     the bot itself
 * @param groups groups to impersonate with the user; empty when none
 */
public record Identity(String kubernetesUser, List<String> groups) {
  /** The bot's own identity: no impersonation. */
  public static final Identity BOT = new Identity(null, List.of());

  /**
   * Normalises blanks to the bot's identity.
   *
   * @throws IllegalArgumentException when groups are given without a user: Kubernetes impersonates
   *     groups only together with a user
   */
  public Identity {
    kubernetesUser =
        kubernetesUser == null || kubernetesUser.isBlank() ? null : kubernetesUser.trim();
    groups =
        groups == null
            ? List.of()
            : groups.stream().filter(g -> g != null && !g.isBlank()).map(String::trim).toList();
    if (kubernetesUser == null && !groups.isEmpty()) {
      throw new IllegalArgumentException(
          "Impersonating groups " + groups + " needs a Kubernetes user too; map one in the policy");
    }
  }

  /** A user with optional groups. */
  public static Identity of(String kubernetesUser, String... groups) {
    return new Identity(kubernetesUser, List.of(groups));
  }

  /** Whether this is the bot's own identity (no impersonation). */
  public boolean isBot() {
    return kubernetesUser == null;
  }

  /** The user name for messages: the impersonated user, or "the bot". */
  public String displayName() {
    return isBot() ? "the bot" : kubernetesUser;
  }
}
