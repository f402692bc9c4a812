package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import dev.jamiescarlet.bot.slack.SlackDeliveryException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** A Replier that records calls, hands out ts values, and can answer {@code ratelimited} once. */
final class FakeReplier implements Replier {
  /** One call. */
  record Call(String method, String channel, String ts, String threadTs, Message message) {}

  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger(1);
  private final AtomicBoolean rateLimit = new AtomicBoolean();

  void rateLimitOnce() {
    rateLimit.set(true);
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  private void maybeRateLimit(String method) {
    if (rateLimit.getAndSet(false)) {
      throw new SlackDeliveryException(
          method, "ratelimited", method + " failed: ratelimited — try again in a minute", null);
    }
  }

  @Override
  public synchronized String post(ReplyTarget target, Message message) {
    String ts = "1700000000." + String.format("%06d", next.getAndIncrement());
    calls.add(new Call("post", target.channel(), ts, target.threadTs(), message));
    maybeRateLimit("chat.postMessage");
    return ts;
  }

  @Override
  public synchronized void update(String channel, String ts, Message message) {
    calls.add(new Call("update", channel, ts, null, message));
    maybeRateLimit("chat.update");
  }

  @Override
  public void replaceOriginal(String responseUrl, String channel, Message message) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void postEphemeral(String channel, String userId, String threadTs, Message message) {
    throw new UnsupportedOperationException();
  }
}
