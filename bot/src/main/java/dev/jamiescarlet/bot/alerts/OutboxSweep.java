package dev.jamiescarlet.bot.alerts;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's periodic sweep: re-queues groups whose Slack message is behind, so a group a failure
 * left unsent is posted without a restart. Queued groups are not sent twice: submit dedupes.
 */
final class OutboxSweep implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxSweep.class);

  private final OutboxScheduler scheduler;
  private final SlackOutbox outbox;
  private volatile boolean closed;
  private boolean failing;

  OutboxSweep(OutboxScheduler scheduler, SlackOutbox outbox) {
    this.scheduler = scheduler;
    this.outbox = outbox;
  }

  void start(Duration every, Supplier<List<SlackOutbox.Queued>> behind) {
    scheduler.schedule(every, () -> run(every, behind));
  }

  private void run(Duration every, Supplier<List<SlackOutbox.Queued>> behind) {
    if (closed) {
      return;
    }
    try {
      List<SlackOutbox.Queued> found = behind.get();
      if (failing) {
        failing = false;
        log.info("alert outbox sweep: the store answers again");
      }
      if (!found.isEmpty()) {
        log.debug("alert outbox sweep: {} group(s) behind in Slack", found.size());
      }
      found.forEach(q -> outbox.submit(q.channel(), q.groupId()));
    } catch (RuntimeException e) {
      // the store may be down: the next sweep tries again; one line per outage, not per sweep
      if (!failing) {
        failing = true;
        log.warn(
            "alert outbox sweep could not read the alert groups ({}); retrying every {} s — check"
                + " MongoDB",
            e.getMessage(),
            every.toSeconds());
      }
    } finally {
      if (!closed) {
        scheduler.schedule(every, () -> run(every, behind));
      }
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
