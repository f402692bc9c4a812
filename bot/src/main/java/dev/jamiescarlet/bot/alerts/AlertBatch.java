package dev.jamiescarlet.bot.alerts;

import java.util.List;

/**
 * One webhook delivery, normalised: the alerts of one group.
 *
 * @param source where it came from
 * @param groupKey the source's group identity (Alertmanager's groupKey, Argo CD's app)
 * @param title what the group is called (alertname or summary)
 * @param externalUrl the link to the source's UI, or null
 * @param alerts the alerts in this delivery (a subset of the group is fine)
 */
public record AlertBatch(
    AlertSource source, String groupKey, String title, String externalUrl, List<Alert> alerts) {

  /** Copies. */
  public AlertBatch {
    alerts = List.copyOf(alerts);
  }

  /** The group's id in the store: source and group key. */
  public String groupId() {
    return source.id() + ":" + groupKey;
  }
}
