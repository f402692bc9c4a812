package dev.jamiescarlet.bot.message;

import dev.jamiescarlet.tools.kubernetes.Health;

/** Status emoji, one per health verdict, so every message uses the same signs. */
public enum Status {
  FAILING(":red_circle:"),
  PENDING(":large_orange_circle:"),
  DEGRADED(":large_yellow_circle:"),
  HEALTHY(":large_green_circle:"),
  UNKNOWN(":white_circle:");

  private final String emoji;

  Status(String emoji) {
    this.emoji = emoji;
  }

  /** The Slack emoji code, e.g. {@code :red_circle:}. */
  public String emoji() {
    return emoji;
  }

  /** The status for a health verdict. */
  public static Status of(Health health) {
    return health == null ? UNKNOWN : valueOf(health.name());
  }
}
