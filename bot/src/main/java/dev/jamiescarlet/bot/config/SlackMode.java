package dev.jamiescarlet.bot.config;

/** How Slack reaches the bot. */
public enum SlackMode {
  /** Socket Mode: the bot dials out to Slack over a WebSocket. */
  SOCKET,
  /** HTTP Events API: Slack posts signed requests to /slack/events. */
  HTTP
}
