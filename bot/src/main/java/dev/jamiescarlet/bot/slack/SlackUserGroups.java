package dev.jamiescarlet.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.model.Usergroup;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack user groups (S…) each person belongs to, for policy bindings on groups. One {@code
 * usergroups.list} call with members answers for everyone; refreshed every five minutes. When Slack
 * will not say, nobody gets rights through a group (fail closed) and the log says why.
 */
public final class SlackUserGroups implements Function<String, Set<String>> {
  private static final Logger log = LoggerFactory.getLogger(SlackUserGroups.class);
  private static final long REFRESH_MILLIS = 300_000;

  private final MethodsClient methods;
  private final String token;
  private final Clock clock;
  private Map<String, Set<String>> byUser = Map.of();
  private long loadedAt = Long.MIN_VALUE;
  private boolean warned;

  /** Groups read with the bot token (needs the usergroups:read scope). */
  public SlackUserGroups(MethodsClient methods, String token, Clock clock) {
    this.methods = methods;
    this.token = token;
    this.clock = clock;
  }

  @Override
  public synchronized Set<String> apply(String userId) {
    long now = clock.millis();
    if (loadedAt == Long.MIN_VALUE || now - loadedAt > REFRESH_MILLIS) {
      load();
      loadedAt = now;
    }
    return byUser.getOrDefault(userId, Set.of());
  }

  private void load() {
    try {
      UsergroupsListResponse r = methods.usergroupsList(b -> b.token(token).includeUsers(true));
      if (!r.isOk()) {
        warnOnce("usergroups.list failed (" + r.getError() + "); add the usergroups:read scope");
        return;
      }
      Map<String, Set<String>> next = new HashMap<>();
      for (Usergroup g : r.getUsergroups()) {
        if (g.getUsers() != null) {
          for (String user : g.getUsers()) {
            next.computeIfAbsent(user, u -> new HashSet<>()).add(g.getId());
          }
        }
      }
      byUser = next;
    } catch (java.io.IOException | com.slack.api.methods.SlackApiException e) {
      warnOnce("usergroups.list failed (" + e.getMessage() + "); group bindings grant nothing");
    }
  }

  private void warnOnce(String message) {
    if (!warned) {
      log.warn("policy groups unavailable: {}", message);
      warned = true;
    }
  }
}
