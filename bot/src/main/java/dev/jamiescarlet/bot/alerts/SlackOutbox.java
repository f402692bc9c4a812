package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.slack.SlackDeliveryException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue between alert groups and Slack: at most one call per channel per interval, a group
 * queued twice is sent once with its latest state, and a rate-limited channel waits before trying
 * again.
 */
public final class SlackOutbox implements AutoCloseable {
  /** Slack allows about one message per second per channel. */
  public static final Duration PER_CHANNEL = Duration.ofSeconds(1);

  /**
   * How long a channel rests after Slack still said {@code ratelimited}: SlackReplier has already
   * waited out Retry-After three times by then.
   */
  public static final Duration RATE_LIMITED_PAUSE = Duration.ofSeconds(30);

  /** Failed sends of one group retried before it waits for its next change. */
  public static final int MAX_FAILURES = 3;

  private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);

  /** Makes one Slack call for a group (post, update, or its alerts reply). */
  @FunctionalInterface
  public interface Step {
    /** Says what it sent and whether the group needs more calls. */
    Sent run(String groupId);
  }

  /**
   * What one step sent.
   *
   * @param messages Slack messages written: 0 when nothing was due, 2 for a message with a file
   * @param more whether the group needs more calls
   */
  public record Sent(int messages, boolean more) {
    /** Nothing was due. */
    public static final Sent NOTHING = new Sent(0, false);

    /** One message written. */
    public static Sent one(boolean more) {
      return new Sent(1, more);
    }
  }

  private final OutboxScheduler scheduler;
  private final Step step;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final Map<String, Integer> failures = new HashMap<>();

  /** One channel's queue. */
  private static final class Lane {
    final LinkedHashSet<String> pending = new LinkedHashSet<>();
    Instant nextAt = Instant.MIN;
    boolean scheduled;
  }

  /** Sends through {@code step} on {@code scheduler}. */
  public SlackOutbox(OutboxScheduler scheduler, Step step) {
    this.scheduler = scheduler;
    this.step = step;
  }

  /** Queues the group; already queued, it is sent once (the step reads its latest state). */
  public synchronized void submit(String channel, String groupId) {
    Lane lane = lanes.computeIfAbsent(channel, c -> new Lane());
    lane.pending.add(groupId);
    wake(channel, lane);
  }

  /** Groups waiting in {@code channel}'s queue. */
  public synchronized int pending(String channel) {
    Lane lane = lanes.get(channel);
    return lane == null ? 0 : lane.pending.size();
  }

  private void wake(String channel, Lane lane) {
    if (lane.scheduled || lane.pending.isEmpty()) {
      return;
    }
    lane.scheduled = true;
    Duration wait = Duration.between(scheduler.now(), lane.nextAt);
    scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> drain(channel));
  }

  private void drain(String channel) {
    String groupId;
    synchronized (this) {
      Lane lane = lanes.get(channel);
      lane.scheduled = false;
      Instant now = scheduler.now();
      if (now.isBefore(lane.nextAt)) {
        wake(channel, lane);
        return;
      }
      if (lane.pending.isEmpty()) {
        return;
      }
      groupId = lane.pending.removeFirst();
    }
    // the rest is counted from the end of the call, so two calls are never under a second apart
    Duration rest = PER_CHANNEL;
    boolean limited = false;
    boolean again;
    try {
      Sent sent = step.run(groupId);
      again = sent.more();
      // one interval per message written: none when nothing was due
      rest = PER_CHANNEL.multipliedBy(sent.messages());
      synchronized (this) {
        failures.remove(groupId);
      }
    } catch (SlackDeliveryException e) {
      again = retry(groupId, e);
      limited = "ratelimited".equals(e.error());
      if (limited) {
        rest = RATE_LIMITED_PAUSE;
      }
    } catch (RuntimeException e) {
      again = retry(groupId, e);
    }
    synchronized (this) {
      Lane lane = lanes.get(channel);
      lane.nextAt = scheduler.now().plus(rest);
      if (again) {
        if (limited) {
          // the group that was refused goes first when the channel opens again
          LinkedHashSet<String> waiting = new LinkedHashSet<>(lane.pending);
          lane.pending.clear();
          lane.pending.add(groupId);
          lane.pending.addAll(waiting);
        } else {
          lane.pending.add(groupId);
        }
      }
      wake(channel, lane);
    }
  }

  private synchronized boolean retry(String groupId, RuntimeException e) {
    int n = failures.merge(groupId, 1, Integer::sum);
    if ("ratelimited".equals(e instanceof SlackDeliveryException s ? s.error() : null)) {
      log.warn("alert group {}: Slack rate limited the channel; retrying later", groupId);
      return true;
    }
    if (n >= MAX_FAILURES) {
      failures.remove(groupId);
      log.warn(
          "alert group {}: giving up after {} failures until it changes again: {}",
          groupId,
          n,
          e.getMessage());
      return false;
    }
    log.warn("alert group {}: Slack call failed ({}), retrying", groupId, e.getMessage());
    return true;
  }

  @Override
  public void close() {
    scheduler.close();
  }
}
