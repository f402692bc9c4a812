package dev.jamiescarlet.bot.alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored events into group state in order, on one thread, taking whatever queued up meanwhile
 * as one batch, then queues the groups' Slack messages; on start it resumes what a previous run
 * left unprocessed or unsent.
 */
public final class AlertProcessor implements AutoCloseable {
  /** Events processed together at most. */
  static final int MAX_BATCH = 200;

  private static final Logger log = LoggerFactory.getLogger(AlertProcessor.class);

  private final AlertEvents events;
  private final AlertGroups groups;
  private final AlertRoutes routes;
  private final SlackOutbox outbox;
  private final Clock clock;
  private final Queue<ObjectId> queue = new ConcurrentLinkedQueue<>();
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
      queue.add(eventId);
      executor.execute(this::drainQuietly);
    }
  }

  /** Processes one stored event now, on the caller's thread (tests). */
  void process(ObjectId eventId) {
    process(List.of(eventId));
  }

  /**
   * Processes stored events in order: each event and group read once, one write per group touched
   * and one round trip marking the events done.
   */
  void process(List<ObjectId> eventIds) {
    Map<ObjectId, AlertEvents.Event> stored = new HashMap<>();
    events.find(eventIds).forEach(e -> stored.put(e.id(), e));
    List<ObjectId> done = new ArrayList<>();
    List<AlertBatch> batches = new ArrayList<>();
    for (ObjectId id : eventIds) {
      AlertEvents.Event event = stored.get(id);
      if (event == null) {
        continue;
      }
      try {
        batches.add(Payloads.parse(event.source(), event.body()));
        done.add(id);
      } catch (HookException e) {
        events.processed(id, e.getMessage());
      }
    }
    Map<String, AlertGroup> before =
        groups.find(batches.stream().map(AlertBatch::groupId).distinct().toList());
    Map<String, AlertGroup> merged = new LinkedHashMap<>();
    Set<String> changed = new HashSet<>();
    for (AlertBatch batch : batches) {
      AlertGroup existing = merged.getOrDefault(batch.groupId(), before.get(batch.groupId()));
      String channel = existing != null ? existing.channel() : routes.channel(batch);
      GroupMerge.Merged m = GroupMerge.merge(existing, batch, channel, clock.instant());
      merged.put(batch.groupId(), m.group());
      if (m.changed()) {
        changed.add(batch.groupId());
      }
    }
    for (AlertGroup g : merged.values()) {
      groups.saveMerge(g, !before.containsKey(g.id()));
    }
    events.processed(done);
    for (AlertGroup g : merged.values()) {
      if (g.channel() == null) {
        log.warn(
            "alert group {} matches no route and JAMIE_ALERT_CHANNEL is unset; it is stored but"
                + " not posted",
            g.id());
      } else if (changed.contains(g.id()) || g.slackBehind()) {
        outbox.submit(g.channel(), g.id());
      }
    }
  }

  // takes what has queued up since the last run: one event when calm, many in a storm
  private void drainQuietly() {
    List<ObjectId> batch = new ArrayList<>();
    for (ObjectId id; batch.size() < MAX_BATCH && (id = queue.poll()) != null; ) {
      batch.add(id);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      process(batch);
    } catch (RuntimeException e) {
      // left unprocessed: the next start retries them
      log.warn("{} alert event(s) could not be processed: {}", batch.size(), e.getMessage());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
