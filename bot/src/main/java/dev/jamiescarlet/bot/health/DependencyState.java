package dev.jamiescarlet.bot.health;

import java.util.Locale;

/** How a dependency answered its last health probe. */
public enum DependencyState {
  /** It answered as expected. */
  UP(":large_green_circle:"),
  /** It answered, but something the bot needs is missing (e.g. a model not served). */
  DEGRADED(":large_yellow_circle:"),
  /** It did not answer, or answered with an error. */
  DOWN(":red_circle:"),
  /** The bot has no settings for it: shown, never failing. */
  NOT_CONFIGURED(":white_circle:");

  private final String emoji;

  DependencyState(String emoji) {
    this.emoji = emoji;
  }

  /** The Slack emoji shown beside it. */
  public String emoji() {
    return emoji;
  }

  /** Lower case with spaces, e.g. {@code not configured}, as /health and Slack show it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
