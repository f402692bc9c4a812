package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Replier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits of status messages, at most one per message per interval; a state offered too soon is kept
 * and sent by a trailing edit when the interval has passed, so the message never stays stale.
 */
final class StatusEdits {
  private static final Logger log = LoggerFactory.getLogger(StatusEdits.class);

  private final Replier replier;
  private final Clock clock;
  private final Duration interval;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  StatusEdits(Replier replier, Clock clock, Duration interval) {
    this.replier = replier;
    this.clock = clock;
    this.interval = interval;
  }

  private static final class State {
    Instant last = Instant.MIN;
    Message pending;
    boolean trailing;
  }

  /** Edits now if allowed (or {@code force}), else keeps it for the trailing edit. */
  void offer(String channel, String ts, Message message, boolean force) {
    State s = states.computeIfAbsent(channel + "/" + ts, k -> new State());
    Duration wait;
    synchronized (s) {
      Instant now = clock.instant();
      Duration since = Duration.between(s.last, now);
      if (force || since.compareTo(interval) >= 0) {
        s.last = now;
        s.pending = null;
        send(channel, ts, message);
        if (force) {
          states.remove(channel + "/" + ts);
        }
        return;
      }
      s.pending = message;
      if (s.trailing) {
        return;
      }
      s.trailing = true;
      wait = interval.minus(since);
    }
    Thread.ofVirtual().name("status-edit").start(() -> trailing(channel, ts, s, wait));
  }

  private void trailing(String channel, String ts, State s, Duration wait) {
    try {
      Thread.sleep(Math.max(1, wait.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    Message message;
    synchronized (s) {
      s.trailing = false;
      message = s.pending;
      s.pending = null;
      if (message == null) {
        return;
      }
      s.last = clock.instant();
    }
    send(channel, ts, message);
  }

  private void send(String channel, String ts, Message message) {
    try {
      replier.update(channel, ts, message);
    } catch (RuntimeException e) {
      log.warn("could not edit status message {}: {}", ts, e.getMessage());
    }
  }
}
