package dev.jamiescarlet.bot.alerts;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored events into group state, one at a time and in order, then queues the group's Slack
 * message; on start it resumes what a previous run left unprocessed or unsent.
 */
public final class AlertProcessor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertProcessor.class);

  private final AlertEvents events;
  private final AlertGroups groups;
  private final AlertRoutes routes;
  private final SlackOutbox outbox;
  private final Clock clock;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> Thread.ofPlatform().daemon().name("alert-processor").unstarted(r));

  /**
   * Processes {@code events} into {@code groups}, routed by {@code routes}, sent by {@code outbox}.
   */
  public AlertProcessor(
      AlertEvents events, AlertGroups groups, AlertRoutes routes, SlackOutbox outbox, Clock clock) {
    this.events = events;
    this.groups = groups;
    this.routes = routes;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Queues stored-but-unprocessed events and groups whose message is behind. */
  public AlertProcessor start() {
    var unprocessed = events.unprocessed();
    if (!unprocessed.isEmpty()) {
      log.info("alerts: resuming {} stored event(s) not yet processed", unprocessed.size());
    }
    unprocessed.forEach(this::accept);
    executor.execute(() -> groups.behind().forEach(g -> outbox.submit(g.channel(), g.id())));
    return this;
  }

  /** Processes a stored event soon (after those before it). */
  public void accept(ObjectId eventId) {
    if (!executor.isShutdown()) {
      executor.execute(() -> processQuietly(eventId));
    }
  }

  /** Processes one stored event now, on the caller's thread (tests). */
  void process(ObjectId eventId) {
    AlertEvents.Event event = events.find(eventId);
    if (event == null) {
      return;
    }
    AlertBatch batch;
    try {
      batch = Payloads.parse(event.source(), event.body());
    } catch (HookException e) {
      events.processed(eventId, e.getMessage());
      return;
    }
    AlertGroup existing = groups.find(batch.groupId());
    String channel = existing != null ? existing.channel() : routes.channel(batch);
    GroupMerge.Merged merged = GroupMerge.merge(existing, batch, channel, clock.instant());
    groups.saveMerge(merged.group(), existing == null);
    events.processed(eventId, null);
    if (channel == null) {
      log.warn(
          "alert group {} matches no route and JAMIE_ALERT_CHANNEL is unset; it is stored but"
              + " not posted",
          batch.groupId());
    } else if (merged.changed() || merged.group().slackBehind()) {
      outbox.submit(channel, merged.group().id());
    }
  }

  private void processQuietly(ObjectId eventId) {
    try {
      process(eventId);
    } catch (RuntimeException e) {
      // left unprocessed: the next start retries it
      log.warn("alert event {} could not be processed: {}", eventId, e.getMessage());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
