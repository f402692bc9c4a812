package dev.jamiescarlet.bot.audit;

import java.util.Locale;

/** Where an action is in its life. */
public enum Phase {
  REQUESTED,
  APPROVED,
  DENIED,
  EXECUTED,
  FAILED,
  EXPIRED,
  CANCELLED;

  /** The stored, lower-case name. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The phase for a stored name. */
  public static Phase of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
