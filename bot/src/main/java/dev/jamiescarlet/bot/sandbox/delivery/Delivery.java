package dev.jamiescarlet.bot.sandbox.delivery;

/** Hands envelopes to the bot, over Socket Mode or HTTP. */
public interface Delivery extends AutoCloseable {

  /**
   * Delivers {@code envelope} {@code times} times; deliveries after the first are flagged as
   * retries (retry_attempt / X-Slack-Retry-Num 1, 2, …). With {@code times == 1}, an envelope not
   * acknowledged within three seconds is redelivered once, as Slack does.
   */
  void deliver(Envelope envelope, int times);

  /** Open bot connections (Socket Mode); 0 for HTTP delivery. */
  int connections();

  @Override
  void close();
}
