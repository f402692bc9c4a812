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
 * @param detailsPosted fingerprints whose details are already in the message's thread
 * @param silence the silence created from the message's buttons, or null
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
    List<String> detailsPosted,
    AlertSilence silence) {

  /** Copies. */
  public AlertGroup {
    alerts = List.copyOf(alerts);
    detailsPosted = List.copyOf(detailsPosted);
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
      List<String> detailsPosted) {
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
        detailsPosted,
        null);
  }

  /** How many alerts are firing. */
  public int firingCount() {
    return (int) alerts.stream().filter(GroupAlert::firing).count();
  }

  /** How many alerts are resolved. */
  public int resolvedCount() {
    return alerts.size() - firingCount();
  }

  /** The first alert whose details are not yet in the thread, or null. */
  public GroupAlert nextDetails() {
    return alerts.stream()
        .filter(a -> !detailsPosted.contains(a.fingerprint()))
        .findFirst()
        .orElse(null);
  }

  /** Whether Slack is behind: not posted, outdated, or details missing. */
  public boolean slackBehind() {
    return channel != null && (ts == null || renderedVersion < version || nextDetails() != null);
  }
}
