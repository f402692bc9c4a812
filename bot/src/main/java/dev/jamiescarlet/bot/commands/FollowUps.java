package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a command promised for later ("I'll answer here when done"): the command leaves the
 * promise here while it runs, and whoever delivered its first reply claims it and delivers the
 * second to the same place. One promise per person and channel, so an unclaimed one is replaced
 * rather than kept.
 */
public final class FollowUps {
  private record Key(String userId, String channelId) {}

  private final Map<Key, CompletionStage<Message>> pending = new ConcurrentHashMap<>();

  /** Leaves {@code later} for the reply to the command being run in {@code ctx}. */
  public void promise(CommandContext ctx, CompletionStage<Message> later) {
    // kept even once complete, as the first reply may still be on its way; the next promise
    // for the same person and channel replaces it
    pending.put(new Key(ctx.userId(), ctx.channelId()), later);
  }

  /** The answer promised by the command just run for this person in this channel, if any. */
  public Optional<CompletionStage<Message>> claim(String userId, String channelId) {
    return Optional.ofNullable(pending.remove(new Key(userId, channelId)));
  }
}
