package dev.jamiescarlet.bot.approvals;

import java.util.Locale;

/** An approval's state; it only moves forward. */
public enum ApprovalState {
  /** Waiting for a click (and, in production, a second approver). */
  PENDING,
  /** Claimed by one click; the action runs once. */
  EXECUTING,
  /** Ran out of time before anyone claimed it. */
  EXPIRED,
  /** Called off before it ran. */
  CANCELLED;

  /** The stored, lower-case name. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state for a stored name. */
  public static ApprovalState of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
