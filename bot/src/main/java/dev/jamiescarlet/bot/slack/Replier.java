package dev.jamiescarlet.bot.slack;

import dev.jamiescarlet.bot.message.Message;

/** Sends rendered messages to Slack; handlers never touch the Web API directly. */
public interface Replier {

  /**
   * Posts a message and returns its {@code ts} (null when posted through a response_url, which does
   * not tell). Output past Slack's limits goes up as a file with a summary in the message.
   */
  String post(ReplyTarget target, Message message);

  /** Replaces an earlier message in place. */
  void update(String channel, String ts, Message message);

  /**
   * Replaces the message a button was clicked on, through the click's response_url (works for
   * messages posted any way, ephemeral ones included).
   */
  void replaceOriginal(String responseUrl, String channel, Message message);

  /** Posts a message only {@code userId} can see. */
  void postEphemeral(String channel, String userId, String threadTs, Message message);
}
