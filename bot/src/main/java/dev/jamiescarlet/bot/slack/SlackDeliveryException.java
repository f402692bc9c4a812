package dev.jamiescarlet.bot.slack;

/** Slack refused or could not take a message; the message names the fix where one is known. */
public final class SlackDeliveryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String method;
  private final String error;

  /**
   * @param method the Web API method, e.g. {@code chat.postMessage}
   * @param error Slack's error code, e.g. {@code not_in_channel}
   * @param message what went wrong and how to fix it
   * @param cause the underlying exception, or null
   */
  public SlackDeliveryException(String method, String error, String message, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.error = error;
  }

  /** The Web API method that failed, e.g. {@code chat.postMessage}. */
  public String method() {
    return method;
  }

  /** Slack's error code, e.g. {@code not_in_channel}. */
  public String error() {
    return error;
  }

  /** An exception for a Slack error code, with a message that names the fix. */
  static SlackDeliveryException of(
      String method, String channel, String error, String needed, Throwable cause) {
    return new SlackDeliveryException(
        method, error, method + " failed: " + error + " — " + fix(channel, error, needed), cause);
  }

  /** How to fix a common Slack error. */
  static String fix(String channel, String error, String needed) {
    return switch (error == null ? "" : error) {
      case "not_in_channel" ->
          "invite @jamie to channel " + channel + " (type `/invite @jamie` in the channel)";
      case "channel_not_found" ->
          "channel "
              + channel
              + " does not exist or @jamie cannot see it; check the channel ID, and invite @jamie"
              + " if the channel is private";
      case "is_archived" -> "channel " + channel + " is archived; unarchive it or pick another";
      case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive" ->
          "SLACK_BOT_TOKEN is wrong or revoked; reinstall the app and copy its Bot User OAuth Token"
              + " (xoxb-…)";
      case "missing_scope" ->
          "the bot token lacks the scope "
              + (needed == null ? "this method needs" : "`" + needed + "`")
              + "; add it under OAuth & Permissions and reinstall the app";
      case "ratelimited" -> "Slack kept rate limiting us; try again in a minute";
      case "msg_too_long", "invalid_blocks", "invalid_blocks_format" ->
          "Slack rejected the rendered message; this is a bug in BlockKitRenderer, please report it";
      case "expired_url", "used_url" ->
          "the slash command's response_url expired (30 minutes, 5 replies); run the command again";
      default -> "see https://api.slack.com/methods for what `" + error + "` means";
    };
  }
}
