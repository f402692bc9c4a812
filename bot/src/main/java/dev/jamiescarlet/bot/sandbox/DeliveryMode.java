package dev.jamiescarlet.bot.sandbox;

/** How the sandbox hands events to the bot: over a Socket Mode WebSocket or signed HTTP POSTs. */
public enum DeliveryMode {
  /** The bot opens a WebSocket through apps.connections.open, as with Slack's Socket Mode. */
  SOCKET,
  /** The sandbox POSTs signed requests to the bot's request URL, as with the HTTP Events API. */
  HTTP
}
