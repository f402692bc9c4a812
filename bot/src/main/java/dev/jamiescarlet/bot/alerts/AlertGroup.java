package dev.jamiescarlet.bot.alerts;

import java.time.Instant;
import java.util.List;

/**
 * One group of alerts (source + group key) and its Slack message: the state in {@code
 * alert_groups}.
 *
 * @param id source and group key, e.g. {@code alertmanager:{}:{alertname="X"}}
 * @param source where its alerts come from
 * @param groupKey the source's group key
 * @param title what the message calls it
 * @param externalUrl the source's UI, or null
 * @param channel the Slack channel it is posted to, or null when no route and no default matched
 * @param ts the Slack message's ts, or null until posted
 * @param version bumped on every change that the message shows
 * @param renderedVersion the version the Slack message shows
 * @param createdAt when the group first arrived
 * @param lastSeen when a delivery for it last arrived
 * @param acknowledgedBy the Slack user who acknowledged it, or null
 * @param alerts its alerts by fingerprint, in arrival order
 * @param detailsTs the ts of the "alerts" reply in the message's thread, or null until posted
 * @param detailsVersion the version the "alerts" reply shows
 * @param silence the silence created from the message's buttons, or null
 * @param unlistedResolved resolved alerts pruned from {@code alerts} to keep the group bounded,
 *     still counted as resolved
 * @param unlistedFiring fingerprints of firing alerts past {@link GroupMerge#MAX_LISTED}, counted
 *     as firing but not listed
 */
public record AlertGroup(
    String id,
    AlertSource source,
    String groupKey,
    String title,
    String externalUrl,
    String channel,
    String ts,
    long version,
    long renderedVersion,
    Instant createdAt,
    Instant lastSeen,
    String acknowledgedBy,
    List<GroupAlert> alerts,
    String detailsTs,
    long detailsVersion,
    AlertSilence silence,
    long unlistedResolved,
    List<String> unlistedFiring) {

  /** Copies. */
  public AlertGroup {
    alerts = List.copyOf(alerts);
    unlistedFiring = unlistedFiring == null ? List.of() : List.copyOf(unlistedFiring);
  }

  /** A group that lists every alert it counts. */
  public AlertGroup(
      String id,
      AlertSource source,
      String groupKey,
      String title,
      String externalUrl,
      String channel,
      String ts,
      long version,
      long renderedVersion,
      Instant createdAt,
      Instant lastSeen,
      String acknowledgedBy,
      List<GroupAlert> alerts,
      String detailsTs,
      long detailsVersion,
      AlertSilence silence) {
    this(
        id,
        source,
        groupKey,
        title,
        externalUrl,
        channel,
        ts,
        version,
        renderedVersion,
        createdAt,
        lastSeen,
        acknowledgedBy,
        alerts,
        detailsTs,
        detailsVersion,
        silence,
        0,
        List.of());
  }

  /** A group without a silence. */
  public AlertGroup(
      String id,
      AlertSource source,
      String groupKey,
      String title,
      String externalUrl,
      String channel,
      String ts,
      long version,
      long renderedVersion,
      Instant createdAt,
      Instant lastSeen,
      String acknowledgedBy,
      List<GroupAlert> alerts,
      String detailsTs,
      long detailsVersion) {
    this(
        id,
        source,
        groupKey,
        title,
        externalUrl,
        channel,
        ts,
        version,
        renderedVersion,
        createdAt,
        lastSeen,
        acknowledgedBy,
        alerts,
        detailsTs,
        detailsVersion,
        null);
  }

  /** How many alerts are firing, listed or not. */
  public int firingCount() {
    return (int) alerts.stream().filter(GroupAlert::firing).count() + unlistedFiring.size();
  }

  /** How many alerts are resolved, listed or pruned. */
  public int resolvedCount() {
    return (int)
        (alerts.stream().filter(a -> !a.firing()).count()
            + Math.min(unlistedResolved, Integer.MAX_VALUE));
  }

  /** How many counted alerts {@link #alerts()} leaves out: "and N more". */
  public long unlisted() {
    return unlistedResolved + unlistedFiring.size();
  }

  /** Whether the "alerts" reply in the thread is missing or shows an older version. */
  public boolean detailsBehind() {
    return detailsTs == null || detailsVersion < version;
  }

  /** Whether Slack is behind: not posted, outdated, or the alerts reply missing or outdated. */
  public boolean slackBehind() {
    return channel != null && (ts == null || renderedVersion < version || detailsBehind());
  }
}
