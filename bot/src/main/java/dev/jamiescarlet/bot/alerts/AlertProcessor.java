package dev.jamiescarlet.bot.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stored events into group state in order, on one thread, taking whatever queued up meanwhile
 * as one batch, then queues the groups' Slack messages. One event that can never be stored is set
 * aside (dead-lettered) with its reason and never blocks the others; events an outage left behind
 * are re-driven periodically, backing off while MongoDB stays away.
 */
public final class AlertProcessor implements AutoCloseable {
  /** Events processed together at most. */
  static final int MAX_BATCH = 200;

  /** How often events left unprocessed (a failed batch, an outage) are looked for. */
  static final Duration REDRIVE_EVERY = Duration.ofSeconds(30);

  /** Events younger than this are still on their way from their hook, not left behind. */
  static final Duration REDRIVE_AFTER = Duration.ofSeconds(5);

  /** Events re-driven per round at most. */
  static final int REDRIVE_MAX = 1_000;

  // the re-drive waits at most 8 times its period while MongoDB stays unreachable
  private static final int MAX_BACKOFF_SHIFT = 3;

  private static final Logger log = LoggerFactory.getLogger(AlertProcessor.class);

  private final AlertEvents events;
  private final AlertGroups groups;
  private final AlertRoutes routes;
  private final SlackOutbox outbox;
  private final Clock clock;
  private final Queue<ObjectId> queue = new ConcurrentLinkedQueue<>();
  private final Set<ObjectId> queued = ConcurrentHashMap.newKeySet();
  private final AtomicLong deadLetters = new AtomicLong();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("alert-processor").unstarted(r));
  private Duration redriveEvery = REDRIVE_EVERY;
  private int failedRounds;

  /** One readable event. */
  private record Parsed(ObjectId id, AlertSource source, AlertBatch batch) {}

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

  /** Re-drives left-behind events every {@code every} instead of {@link #REDRIVE_EVERY} (tests). */
  AlertProcessor redriveEvery(Duration every) {
    this.redriveEvery = every;
    return this;
  }

  /**
   * Queues stored-but-unprocessed events and groups whose message is behind, and starts the
   * periodic re-drive.
   */
  public AlertProcessor start() {
    var unprocessed = events.unprocessed();
    if (!unprocessed.isEmpty()) {
      log.info("alerts: resuming {} stored event(s) not yet processed", unprocessed.size());
    }
    unprocessed.forEach(this::accept);
    deadLetters.set(events.deadLetters().count());
    executor.execute(this::resumeBehind);
    schedule(redriveEvery);
    return this;
  }

  /** Processes a stored event soon (after those before it); an id already queued is ignored. */
  public void accept(ObjectId eventId) {
    if (!executor.isShutdown() && queued.add(eventId)) {
      queue.add(eventId);
      executor.execute(this::drainQuietly);
    }
  }

  /** Deliveries set aside in the store (as last counted, plus those set aside since). */
  public long deadLetterCount() {
    return deadLetters.get();
  }

  /** Processes one stored event now, on the caller's thread (tests). */
  void process(ObjectId eventId) {
    process(List.of(eventId));
  }

  /**
   * Processes stored events in order: each event and group read once, one write per group touched
   * and one round trip marking the events done. When that fails for something other than an outage,
   * the events are taken one at a time and the one that fails is set aside.
   *
   * @throws RuntimeException when MongoDB is unreachable: the events stay unprocessed and are
   *     re-driven
   */
  void process(List<ObjectId> eventIds) {
    List<Parsed> parsed = new ArrayList<>();
    for (AlertEvents.Event event : events.find(eventIds)) {
      if (event.processed()) {
        continue;
      }
      try {
        AlertBatch batch = Payloads.parse(event.source(), event.body());
        parsed.add(new Parsed(event.id(), event.source(), batch));
      } catch (RuntimeException e) {
        // parsing is deterministic: what cannot be read now never can be
        setAside(event.id(), event.source(), "the body cannot be read: " + AlertFaults.describe(e));
      }
    }
    if (parsed.isEmpty()) {
      return;
    }
    try {
      apply(parsed);
    } catch (RuntimeException e) {
      if (AlertFaults.passing(e)) {
        throw e;
      }
      log.warn(
          "alerts: a batch of {} event(s) could not be saved ({}); saving them one at a time",
          parsed.size(),
          AlertFaults.describe(e));
      for (Parsed p : parsed) {
        try {
          apply(List.of(p));
        } catch (RuntimeException one) {
          if (AlertFaults.passing(one)) {
            throw one;
          }
          setAside(
              p.id(),
              p.source(),
              "its alerts cannot be stored in group "
                  + AlertFaults.printable(p.batch().groupId())
                  + ": "
                  + AlertFaults.describe(one));
        }
      }
    }
  }

  private void apply(List<Parsed> parsed) {
    Map<String, AlertGroup> before =
        groups.find(parsed.stream().map(p -> p.batch().groupId()).distinct().toList());
    Map<String, AlertGroup> merged = new LinkedHashMap<>();
    Set<String> changed = new HashSet<>();
    for (Parsed p : parsed) {
      AlertBatch batch = p.batch();
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
    events.processed(parsed.stream().map(Parsed::id).toList());
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

  private void setAside(ObjectId id, AlertSource source, String reason) {
    events.deadLetter(id, reason);
    deadLetters.incrementAndGet();
    log.warn(
        "alerts: set aside {} delivery {} ({}); the other alerts go on. Fix the sender so it"
            + " sends what Jamie can store, and see it with"
            + " db.alert_events.find({deadLetter: {$exists: true}})",
        source.displayName(),
        id.toHexString(),
        reason);
  }

  // takes what has queued up since the last run: one event when calm, many in a storm
  private void drainQuietly() {
    List<ObjectId> batch = new ArrayList<>();
    for (ObjectId id; batch.size() < MAX_BATCH && (id = queue.poll()) != null; ) {
      batch.add(id);
      queued.remove(id);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      process(batch);
    } catch (RuntimeException e) {
      // left unprocessed in the store: the re-drive takes them again once MongoDB answers
      log.warn(
          "alerts: {} event(s) could not be processed ({}); they are retried within {} s",
          batch.size(),
          AlertFaults.describe(e),
          redriveEvery.toSeconds());
    }
  }

  /**
   * Queues the events left unprocessed (older than {@link #REDRIVE_AFTER}), as a start does: what a
   * failed batch or an outage left is finished without a restart. Groups whose Slack message is
   * behind are the outbox's sweep's to resend, not this.
   */
  void redrive() {
    List<ObjectId> left =
        events.unprocessedBefore(clock.instant().minus(REDRIVE_AFTER), REDRIVE_MAX);
    int taken = 0;
    for (ObjectId id : left) {
      if (!queued.contains(id)) {
        accept(id);
        taken++;
      }
    }
    if (taken > 0) {
      log.info("alerts: re-driving {} stored event(s) left unprocessed", taken);
    }
    deadLetters.set(events.deadLetters().count());
  }

  // a scan of every group, once at start: groups stored before the slackPending mark existed
  // are found too; from then on the outbox's sweep reads the mark
  private void resumeBehind() {
    try {
      groups.behind().forEach(g -> outbox.submit(g.channel(), g.id()));
    } catch (RuntimeException e) {
      log.warn(
          "alerts: could not look for unsent groups ({}); the next round retries", e.getMessage());
    }
  }

  private void redriveQuietly() {
    try {
      redrive();
      failedRounds = 0;
    } catch (RuntimeException e) {
      failedRounds = Math.min(failedRounds + 1, MAX_BACKOFF_SHIFT);
      log.warn(
          "alerts: could not look for events left unprocessed ({}); trying again in {} s",
          AlertFaults.describe(e),
          redriveEvery.multipliedBy(1L << failedRounds).toSeconds());
    }
    schedule(redriveEvery.multipliedBy(1L << failedRounds));
  }

  private void schedule(Duration delay) {
    if (!executor.isShutdown()) {
      executor.schedule(this::redriveQuietly, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
