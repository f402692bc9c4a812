package dev.jamiescarlet.bot.sandbox;

import java.net.URI;
import java.util.Objects;

/**
 * Settings for one {@link SlackSandbox}: where it listens, the credentials the bot must present and
 * the identities it plays.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one (tests)
 * @param botToken the {@code xoxb-} token the bot sends to the Web API
 * @param appToken the {@code xapp-} token the bot sends to apps.connections.open
 * @param signingSecret the secret that signs HTTP-mode requests
 * @param botUserId the bot's user id, mentioned as {@code <@U0JAMIE>}
 * @param botId the bot's bot id, stamped on its messages
 * @param teamId the workspace id
 * @param delivery how events reach the bot
 * @param requestUrl the bot's request URL; required for {@link DeliveryMode#HTTP}
 */
public record SandboxConfig(
    int port,
    String botToken,
    String appToken,
    String signingSecret,
    String botUserId,
    String botId,
    String teamId,
    DeliveryMode delivery,
    URI requestUrl) {

  /** The app id every payload carries. */
  public static final String APP_ID = "A0JAMIE";

  /** Validates up front so a bad sandbox fails at start, not at the first event. */
  public SandboxConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "JAMIE_SANDBOX_PORT must be 0..65535 (0 picks a free port), got " + port);
    }
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(appToken, "appToken");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(botUserId, "botUserId");
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(delivery, "delivery");
    if (!botToken.startsWith("xoxb-")) {
      throw new IllegalArgumentException(
          "The sandbox bot token must start with xoxb-, like Slack's");
    }
    if (!appToken.startsWith("xapp-")) {
      throw new IllegalArgumentException(
          "The sandbox app token must start with xapp-; Socket Mode needs an app-level token");
    }
    if (delivery == DeliveryMode.HTTP && requestUrl == null) {
      throw new IllegalArgumentException(
          "HTTP delivery needs the bot's request URL, e.g. http://127.0.0.1:8080/slack/events");
    }
  }

  /** Demo defaults: Socket Mode, bot U0JAMIE/B0JAMIE in team T0SANDBOX, well-known tokens. */
  public static SandboxConfig defaults(int port) {
    return new SandboxConfig(
        port,
        "xoxb-sandbox-bot-token",
        "xapp-1-sandbox-app-token",
        "sandbox-signing-secret",
        "U0JAMIE",
        "B0JAMIE",
        "T0SANDBOX",
        DeliveryMode.SOCKET,
        null);
  }

  /** The same settings with events POSTed to {@code url} instead of sent over Socket Mode. */
  public SandboxConfig withHttpDelivery(URI url) {
    return new SandboxConfig(
        port, botToken, appToken, signingSecret, botUserId, botId, teamId, DeliveryMode.HTTP, url);
  }

  /** The same settings with other tokens and signing secret. */
  public SandboxConfig withCredentials(String bot, String app, String secret) {
    return new SandboxConfig(
        port, bot, app, secret, botUserId, botId, teamId, delivery, requestUrl);
  }
}
