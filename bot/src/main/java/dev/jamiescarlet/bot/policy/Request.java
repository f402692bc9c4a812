package dev.jamiescarlet.bot.policy;

import dev.jamiescarlet.bot.render.Mrkdwn;
import java.util.Set;

/**
 * Someone wants to do something somewhere.
 *
 * @param userId Slack user ID
 * @param userGroups the user's Slack user group IDs
 * @param channelId where they asked, or null
 * @param verb {@code read}, {@code restart}, {@code scale}…
 * @param cluster the cluster
 * @param namespace the namespace, or null for cluster-wide
 */
public record Request(
    String userId,
    Set<String> userGroups,
    String channelId,
    String verb,
    String cluster,
    String namespace) {

  /** Copies. */
  public Request {
    userGroups = userGroups == null ? Set.of() : Set.copyOf(userGroups);
  }

  /** {@code restart} on {@code demo/shop}. */
  String what() {
    String where = cluster + (namespace == null ? "" : "/" + namespace);
    return "`" + Mrkdwn.escape(verb) + "` on `" + Mrkdwn.escape(where) + "`";
  }
}
