package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Slack message that changes while an agent works: posted once, then edited in place at most once
 * per interval (Slack allows about one chat.update per second per message), with the final version
 * always delivered. Through a response_url there is no ts to edit, so only the final version is
 * posted.
 */
final class LiveMessage {
  private static final Logger log = LoggerFactory.getLogger(LiveMessage.class);

  private final Replier replier;
  private final ReplyTarget target;
  private final Clock clock;
  private final Duration interval;
  private String ts;
  private Instant lastEdit = Instant.MIN;
  private int edits;

  LiveMessage(Replier replier, ReplyTarget target, Clock clock, Duration interval) {
    this.replier = replier;
    this.target = target;
    this.clock = clock;
    this.interval = interval;
  }

  /** Posts the first version (skipped through a response_url); returns its ts or null. */
  synchronized String start(Message first) {
    if (target.responseUrl() != null) {
      return null;
    }
    try {
      ts = replier.post(target, first);
      lastEdit = clock.instant();
    } catch (RuntimeException e) {
      log.warn("could not post the first version of a reply: {}", e.getMessage());
    }
    return ts;
  }

  /** Edits the message unless the last edit was less than the interval ago; true when edited. */
  synchronized boolean offer(Message next) {
    if (ts == null) {
      return false;
    }
    Instant now = clock.instant();
    if (Duration.between(lastEdit, now).compareTo(interval) < 0) {
      return false;
    }
    lastEdit = now;
    edit(next);
    return true;
  }

  /** The final version: an edit when there is a message to edit, else a new post. */
  synchronized void finish(Message last) {
    if (ts == null) {
      try {
        replier.post(target, last);
      } catch (RuntimeException e) {
        log.error("could not deliver an agent's answer: {}", e.getMessage());
      }
      return;
    }
    edit(last);
  }

  /** The message's ts, or null. */
  synchronized String ts() {
    return ts;
  }

  /** How many edits were sent, for tests and the log. */
  synchronized int edits() {
    return edits;
  }

  private void edit(Message message) {
    try {
      replier.update(target.channel(), ts, message);
      edits++;
    } catch (RuntimeException e) {
      log.warn("could not edit a live reply: {}", e.getMessage());
    }
  }
}
