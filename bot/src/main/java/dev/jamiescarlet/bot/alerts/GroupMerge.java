package dev.jamiescarlet.bot.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Merges a delivery into its group: new fingerprints join, known ones take the new state. A group
 * stays bounded (MongoDB refuses documents over 16 MB): resolved alerts are pruned after {@link
 * #RESOLVED_KEEP} or past {@link #MAX_RESOLVED}, and firing alerts past {@link #MAX_LISTED} are
 * kept as fingerprints only; both stay in the counts.
 */
public final class GroupMerge {
  /** Alerts listed in full per group at most. */
  public static final int MAX_LISTED = 500;

  /** Resolved alerts listed per group at most; the oldest go first. */
  public static final int MAX_RESOLVED = 100;

  /** How long a resolved alert stays listed after it was last heard of. */
  public static final Duration RESOLVED_KEEP = Duration.ofHours(1);

  /** Firing alerts counted past {@link #MAX_LISTED} at most (fingerprints only). */
  public static final int MAX_UNLISTED = 10_000;

  private static final Comparator<Instant> OLDEST_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  private GroupMerge() {}

  /**
   * The merged group.
   *
   * @param group the group after the delivery
   * @param changed whether anything the message shows changed (a repeated delivery changes nothing)
   */
  public record Merged(AlertGroup group, boolean changed) {}

  /** The alerts being merged, with the tallies of those no longer listed. */
  private static final class State {
    final List<GroupAlert> alerts;
    final LinkedHashSet<String> unlistedFiring;
    long unlistedResolved;

    State(List<GroupAlert> alerts, List<String> unlistedFiring, long unlistedResolved) {
      this.alerts = new ArrayList<>(alerts);
      this.unlistedFiring = new LinkedHashSet<>(unlistedFiring);
      this.unlistedResolved = unlistedResolved;
    }
  }

  /**
   * Merges {@code batch} into {@code existing} (null: a new group posted to {@code channel}) at
   * {@code now}.
   */
  public static Merged merge(AlertGroup existing, AlertBatch batch, String channel, Instant now) {
    if (existing == null) {
      State s = new State(List.of(), List.of(), 0);
      for (Alert a : batch.alerts()) {
        upsert(s, a, now);
      }
      prune(s, now);
      AlertGroup created =
          new AlertGroup(
              batch.groupId(),
              batch.source(),
              batch.groupKey(),
              batch.title(),
              batch.externalUrl(),
              channel,
              null,
              1,
              0,
              now,
              now,
              null,
              s.alerts,
              null,
              0,
              null,
              s.unlistedResolved,
              List.copyOf(s.unlistedFiring));
      return new Merged(created, true);
    }
    State s = new State(existing.alerts(), existing.unlistedFiring(), existing.unlistedResolved());
    boolean changed = !Objects.equals(existing.title(), batch.title());
    for (Alert a : batch.alerts()) {
      changed |= upsert(s, a, now);
    }
    prune(s, now);
    AlertGroup merged =
        new AlertGroup(
            existing.id(),
            existing.source(),
            existing.groupKey(),
            batch.title(),
            batch.externalUrl() != null ? batch.externalUrl() : existing.externalUrl(),
            existing.channel(),
            existing.ts(),
            changed ? existing.version() + 1 : existing.version(),
            existing.renderedVersion(),
            existing.createdAt(),
            now,
            existing.acknowledgedBy(),
            s.alerts,
            existing.detailsTs(),
            existing.detailsVersion(),
            existing.silence(),
            s.unlistedResolved,
            List.copyOf(s.unlistedFiring));
    return new Merged(merged, changed);
  }

  // true when the alert is new or its state differs from what the group holds
  private static boolean upsert(State s, Alert a, Instant now) {
    List<GroupAlert> alerts = s.alerts;
    for (int i = 0; i < alerts.size(); i++) {
      GroupAlert known = alerts.get(i);
      if (known.fingerprint().equals(a.fingerprint())) {
        if (stale(known.alert(), a)) {
          alerts.set(i, new GroupAlert(known.alert(), known.firstSeen(), now));
          return false;
        }
        alerts.set(i, new GroupAlert(a, known.firstSeen(), now));
        return !known.alert().equals(a);
      }
    }
    if (s.unlistedFiring.contains(a.fingerprint())) {
      if (a.firing()) {
        return false;
      }
      // an unlisted alert resolved: it moves from one tally to the other
      s.unlistedFiring.remove(a.fingerprint());
      s.unlistedResolved++;
      return true;
    }
    if (alerts.size() >= MAX_LISTED && a.firing()) {
      evictOldestResolved(s);
    }
    if (alerts.size() >= MAX_LISTED) {
      if (!a.firing()) {
        // a resolve for an alert the group never listed changes nothing it shows
        return false;
      }
      if (s.unlistedFiring.size() >= MAX_UNLISTED) {
        return false;
      }
      s.unlistedFiring.add(a.fingerprint());
      return true;
    }
    alerts.add(new GroupAlert(a, now, now));
    return true;
  }

  // resolved alerts heard of long ago, then the oldest past the cap, leave the list but not the
  // count
  private static void prune(State s, Instant now) {
    Instant cutoff = now.minus(RESOLVED_KEEP);
    int before = s.alerts.size();
    s.alerts.removeIf(g -> !g.firing() && g.lastSeen() != null && g.lastSeen().isBefore(cutoff));
    List<GroupAlert> resolved =
        s.alerts.stream()
            .filter(g -> !g.firing())
            .sorted(Comparator.comparing(GroupAlert::lastSeen, OLDEST_FIRST))
            .toList();
    if (resolved.size() > MAX_RESOLVED) {
      s.alerts.removeAll(resolved.subList(0, resolved.size() - MAX_RESOLVED));
    }
    s.unlistedResolved += before - s.alerts.size();
  }

  private static void evictOldestResolved(State s) {
    s.alerts.stream()
        .filter(g -> !g.firing())
        .min(Comparator.comparing(GroupAlert::lastSeen, OLDEST_FIRST))
        .ifPresent(
            g -> {
              s.alerts.remove(g);
              s.unlistedResolved++;
            });
  }

  // a late retry of the firing notice after the resolve: a real re-fire has a new startsAt
  private static boolean stale(Alert known, Alert incoming) {
    return !known.firing()
        && incoming.firing()
        && known.startsAt() != null
        && known.startsAt().equals(incoming.startsAt());
  }
}
