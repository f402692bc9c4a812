package dev.jamiescarlet.bot.slack;

/**
 * Where a reply goes.
 *
 * @param channel channel ID (C…, D…, G…)
 * @param threadTs the thread to reply in, or null for the channel itself
 * @param responseUrl a slash command's response_url (used when set), or null
 * @param userId the user who asked (for ephemeral replies and file shares)
 */
public record ReplyTarget(String channel, String threadTs, String responseUrl, String userId) {

  /** A reply in a thread (or the channel when {@code threadTs} is null). */
  public static ReplyTarget thread(String channel, String threadTs, String userId) {
    return new ReplyTarget(channel, threadTs, null, userId);
  }

  /** A reply to a slash command through its response_url. */
  public static ReplyTarget responseUrl(String channel, String responseUrl, String userId) {
    return new ReplyTarget(channel, null, responseUrl, userId);
  }
}
