package dev.jamiescarlet.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.model.Usergroup;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack user groups (S…) each person belongs to, for policy bindings on groups. One {@code
 * usergroups.list} call with members answers for everyone; refreshed every five minutes, one call
 * at a time (callers share it), never under a lock, and waited for at most ten seconds.
 *
 * <p>Fails closed, with no grace: when Slack errors or does not answer in time, the membership read
 * before is dropped and nobody gets rights through a group until a call succeeds (tried again after
 * 30 s); the log names the fix. A revoked membership therefore never outlives a refresh.
 */
public final class SlackUserGroups implements Function<String, Set<String>> {
  private static final Logger log = LoggerFactory.getLogger(SlackUserGroups.class);
  private static final long REFRESH_MILLIS = 300_000;
  private static final long RETRY_MILLIS = 30_000;
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  /** What one call said; {@code ok=false} means nobody is in any group. */
  private record Snapshot(Map<String, Set<String>> byUser, long loadedAt, boolean ok) {}

  private final MethodsClient methods;
  private final String token;
  private final Clock clock;
  private final Duration callTimeout;
  private final AtomicReference<CompletableFuture<Snapshot>> inFlight = new AtomicReference<>();
  private volatile Snapshot snapshot;
  private final AtomicBoolean failing = new AtomicBoolean();

  /** Groups read with the bot token (needs the usergroups:read scope). */
  public SlackUserGroups(MethodsClient methods, String token, Clock clock) {
    this(methods, token, clock, CALL_TIMEOUT);
  }

  /** As above, waiting at most {@code callTimeout} for Slack. */
  SlackUserGroups(MethodsClient methods, String token, Clock clock, Duration callTimeout) {
    this.methods = methods;
    this.token = token;
    this.clock = clock;
    this.callTimeout = callTimeout;
  }

  @Override
  public Set<String> apply(String userId) {
    Snapshot s = snapshot;
    long now = clock.millis();
    if (s == null || now - s.loadedAt() >= (s.ok() ? REFRESH_MILLIS : RETRY_MILLIS)) {
      s = refresh();
    }
    return s.byUser().getOrDefault(userId, Set.of());
  }

  /** Joins the call in flight, or starts one; whatever goes wrong yields an empty snapshot. */
  private Snapshot refresh() {
    CompletableFuture<Snapshot> mine = new CompletableFuture<>();
    CompletableFuture<Snapshot> call = inFlight.compareAndExchange(null, mine);
    if (call == null) {
      call = mine;
      Thread.ofVirtual()
          .name("slack-usergroups")
          .start(
              () -> {
                Snapshot next = load();
                snapshot = next;
                inFlight.set(null);
                mine.complete(next);
              });
    }
    try {
      return call.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      failed("usergroups.list did not answer within " + callTimeout.toMillis() + " ms");
      Snapshot closed = new Snapshot(Map.of(), clock.millis(), false);
      snapshot = closed;
      return closed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Snapshot(Map.of(), clock.millis(), false);
    } catch (ExecutionException e) {
      return new Snapshot(Map.of(), clock.millis(), false);
    }
  }

  private Snapshot load() {
    long now = clock.millis();
    try {
      UsergroupsListResponse r = methods.usergroupsList(b -> b.token(token).includeUsers(true));
      if (!r.isOk()) {
        failed("usergroups.list failed (" + r.getError() + ")");
        return new Snapshot(Map.of(), now, false);
      }
      Map<String, Set<String>> next = new HashMap<>();
      for (Usergroup g : r.getUsergroups()) {
        if (g.getUsers() != null) {
          for (String user : g.getUsers()) {
            next.computeIfAbsent(user, u -> new HashSet<>()).add(g.getId());
          }
        }
      }
      if (failing.compareAndSet(true, false)) {
        log.info("policy groups available again: usergroups.list answered");
      }
      return new Snapshot(Map.copyOf(next), now, true);
    } catch (IOException | SlackApiException | RuntimeException e) {
      failed("usergroups.list failed (" + e.getMessage() + ")");
      return new Snapshot(Map.of(), now, false);
    }
  }

  // warns when groups stop working, not on every retry
  private void failed(String what) {
    if (failing.compareAndSet(false, true)) {
      log.warn(
          "policy groups unavailable: {}; group bindings grant nothing until it works. Give the"
              + " Slack app the usergroups:read scope (and reinstall it), or check that Slack is"
              + " reachable",
          what);
    }
  }
}
