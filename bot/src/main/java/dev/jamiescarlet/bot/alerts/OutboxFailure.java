package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.slack.SlackDeliveryException;
import java.util.Set;

/**
 * Why one outbox call failed, and so who waits: the channel (Slack down, rate limited, the bot not
 * allowed there) or only the group (Slack refused this one message).
 *
 * @param kind what kind of failure
 * @param error Slack's error code ({@code io_error}, {@code http_500}, {@code not_in_channel}…) or
 *     the exception's class for failures outside Slack
 * @param detail the failure's message, which names the fix where one is known
 */
record OutboxFailure(Kind kind, String error, String detail) {

  /** Who waits, and how long. */
  enum Kind {
    /**
     * Slack said {@code ratelimited} after SlackCalls waited out Retry-After: the channel rests.
     */
    RATE_LIMITED,
    /** Slack unreachable, timing out or answering 5xx: the channel backs off exponentially. */
    TRANSIENT,
    /**
     * Slack will refuse until someone acts (invite the bot, fix the token): the channel waits long.
     */
    PERMANENT,
    /** Only this group's message was refused (or could not be built): the group backs off alone. */
    MESSAGE
  }

  // errors that stay until an operator acts; retrying sooner than the cap only adds noise
  private static final Set<String> PERMANENT_ERRORS =
      Set.of(
          "not_in_channel",
          "channel_not_found",
          "is_archived",
          "invalid_auth",
          "not_authed",
          "token_revoked",
          "token_expired",
          "account_inactive",
          "missing_scope",
          "not_allowed_token_type",
          "team_access_not_granted",
          "restricted_action",
          "ekm_access_denied");

  // errors about one message: the channel is fine, other groups go on
  private static final Set<String> MESSAGE_ERRORS =
      Set.of(
          "msg_too_long",
          "invalid_blocks",
          "invalid_blocks_format",
          "no_text",
          "too_many_attachments",
          "invalid_attachments",
          "message_not_found",
          "cant_update_message",
          "edit_window_closed");

  /** Classifies a failed call. */
  static OutboxFailure of(RuntimeException e) {
    if (e instanceof SlackDeliveryException s) {
      String error = s.error() == null ? "unknown" : s.error();
      Kind kind;
      if ("ratelimited".equals(error)) {
        kind = Kind.RATE_LIMITED;
      } else if (PERMANENT_ERRORS.contains(error)) {
        kind = Kind.PERMANENT;
      } else if (MESSAGE_ERRORS.contains(error) || error.startsWith("upload_")) {
        kind = Kind.MESSAGE;
      } else {
        kind = Kind.TRANSIENT;
      }
      return new OutboxFailure(kind, error, s.getMessage());
    }
    // a bug or a store failure while building this group's message: the group waits, not Slack
    return new OutboxFailure(Kind.MESSAGE, e.getClass().getSimpleName(), e.getMessage());
  }

  /**
   * What a channel or group is waiting on; a new value is worth one log line. An outage is one
   * state whether Slack times out or answers 5xx meanwhile.
   */
  String state() {
    return kind == Kind.TRANSIENT ? kind.name() : kind + ":" + error;
  }

  /** The fix for an operator, after the failure's own message. */
  String fix() {
    return switch (kind) {
      case RATE_LIMITED -> "Slack is rate limiting this channel; the outbox slows down by itself";
      case TRANSIENT ->
          "check network egress to slack.com (or SLACK_API_URL) and Slack's status page;"
              + " nothing is dropped meanwhile";
      case PERMANENT -> "fix it as the message says (e.g. invite the bot to the channel)";
      case MESSAGE ->
          "the outbox retries it with backoff; if Slack keeps refusing it, report the message"
              + " as a bug";
    };
  }
}
