package dev.jamiescarlet.bot.alerts;

import java.time.Instant;

/**
 * A silence created from an alert message's button, as the group remembers it.
 *
 * @param id Alertmanager's silence id
 * @param until when it ends
 * @param by the Slack user who created it
 */
public record AlertSilence(String id, Instant until, String by) {

  /** Whether it still mutes at {@code now}. */
  public boolean activeAt(Instant now) {
    return until != null && until.isAfter(now);
  }
}
