package dev.jamiescarlet.bot.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One alert as a webhook delivered it, whatever the source.
 *
 * @param fingerprint the source's identity of the alert (stable across deliveries)
 * @param firing true while firing, false once resolved
 * @param labels its labels
 * @param annotations its annotations (summary, description, runbook_url…)
 * @param startsAt when it started, or null
 * @param endsAt when it ended, or null while firing
 * @param url the link back to the source (generatorURL, Grafana panel, Argo CD app), or null
 */
public record Alert(
    String fingerprint,
    boolean firing,
    Map<String, String> labels,
    Map<String, String> annotations,
    Instant startsAt,
    Instant endsAt,
    String url) {

  /** Copies the maps; times keep milliseconds, as the store does, so redeliveries compare equal. */
  public Alert {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    startsAt = startsAt == null ? null : startsAt.truncatedTo(ChronoUnit.MILLIS);
    endsAt = endsAt == null ? null : endsAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** {@code firing} or {@code resolved}. */
  public String status() {
    return firing ? "firing" : "resolved";
  }
}
