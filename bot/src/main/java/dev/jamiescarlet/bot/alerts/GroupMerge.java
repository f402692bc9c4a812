package dev.jamiescarlet.bot.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Merges a delivery into its group: new fingerprints join, known ones take the new state. */
public final class GroupMerge {
  private GroupMerge() {}

  /**
   * The merged group.
   *
   * @param group the group after the delivery
   * @param changed whether anything the message shows changed (a repeated delivery changes nothing)
   */
  public record Merged(AlertGroup group, boolean changed) {}

  /**
   * Merges {@code batch} into {@code existing} (null: a new group posted to {@code channel}) at
   * {@code now}.
   */
  public static Merged merge(AlertGroup existing, AlertBatch batch, String channel, Instant now) {
    if (existing == null) {
      List<GroupAlert> alerts = new ArrayList<>();
      for (Alert a : batch.alerts()) {
        upsert(alerts, a, now);
      }
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
              alerts,
              null,
              0);
      return new Merged(created, true);
    }
    List<GroupAlert> alerts = new ArrayList<>(existing.alerts());
    boolean changed = !Objects.equals(existing.title(), batch.title());
    for (Alert a : batch.alerts()) {
      changed |= upsert(alerts, a, now);
    }
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
            alerts,
            existing.detailsTs(),
            existing.detailsVersion(),
            existing.silence());
    return new Merged(merged, changed);
  }

  // true when the alert is new or its state differs from what the group holds
  private static boolean upsert(List<GroupAlert> alerts, Alert a, Instant now) {
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
    alerts.add(new GroupAlert(a, now, now));
    return true;
  }

  // a late retry of the firing notice after the resolve: a real re-fire has a new startsAt
  private static boolean stale(Alert known, Alert incoming) {
    return !known.firing()
        && incoming.firing()
        && known.startsAt() != null
        && known.startsAt().equals(incoming.startsAt());
  }
}
