package dev.jamiescarlet.bot.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * One alert of a group as last seen, with when Jamie first and last heard of it.
 *
 * @param alert the alert as last delivered
 * @param firstSeen when it first arrived
 * @param lastSeen when it last arrived
 */
public record GroupAlert(Alert alert, Instant firstSeen, Instant lastSeen) {

  /** The alert's fingerprint. */
  public String fingerprint() {
    return alert.fingerprint();
  }

  /** Whether it is firing. */
  public boolean firing() {
    return alert.firing();
  }

  /** Its labels. */
  public Map<String, String> labels() {
    return alert.labels();
  }
}
