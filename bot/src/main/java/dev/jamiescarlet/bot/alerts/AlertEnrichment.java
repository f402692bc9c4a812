package dev.jamiescarlet.bot.alerts;

import com.mongodb.client.MongoDatabase;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Context for pod-related alerts, posted once per group in its thread: decided before the group's
 * message is first posted, gathered off the outbox's thread once it is, then sent through the
 * outbox as one message (plus the chart). Skipped while a channel's queue is long, so a storm does
 * not double its Slack traffic.
 */
public final class AlertEnrichment implements AutoCloseable {
  /**
   * Groups waiting in a channel's queue above which new groups get no enrichment (one more Slack
   * message each would only lengthen the storm).
   */
  public static final int MAX_BACKLOG = 20;

  /** Groups gathered at once; the rest wait their turn. */
  static final int GATHERERS = 2;

  private static final Logger log = LoggerFactory.getLogger(AlertEnrichment.class);

  private final EnrichmentGatherer gatherer;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          GATHERERS, r -> Thread.ofPlatform().daemon().name("alert-enrichment").unstarted(r));
  private final Map<String, Message> ready = new ConcurrentHashMap<>();
  private final Set<String> gathering = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> skippedByChannel = new HashMap<>();
  private EnrichmentState state;
  private AlertGroups groups;
  private SlackOutbox outbox;

  /** Enrichment reading from {@code sources}; {@link AlertIntake} attaches it to its store. */
  public AlertEnrichment(EnrichmentSources sources) {
    this.gatherer = new EnrichmentGatherer(sources);
  }

  /** Wires it to the store, the groups and the queue it sends through. */
  void attach(MongoDatabase db, Clock clock, AlertGroups groups, SlackOutbox outbox) {
    this.state = new EnrichmentState(db, clock);
    this.groups = groups;
    this.outbox = outbox;
  }

  /**
   * Decides, before the group's message is first posted, whether it gets enrichment; recorded
   * first, so a crash right after the post still finds it on restart.
   */
  void decide(AlertGroup g) {
    if (g.firingCount() == 0 || EnrichmentTarget.of(g) == null) {
      return;
    }
    int waiting = outbox.pending(g.channel());
    if (waiting > MAX_BACKLOG) {
      state.decide(g.id(), EnrichmentState.SKIPPED, waiting + " groups waiting");
      skipped(g.channel(), waiting);
      return;
    }
    resumed(g.channel());
    state.decide(g.id(), EnrichmentState.PENDING, null);
  }

  /** Starts gathering once the group's message is posted (when it was decided for). */
  void posted(AlertGroup g) {
    if (EnrichmentState.PENDING.equals(state.state(g.id()))) {
      gather(g.id());
    }
  }

  /** Whether the group's enrichment is gathered and waits to be posted. */
  boolean ready(String groupId) {
    return ready.containsKey(groupId);
  }

  /** Posts the gathered message in the group's thread, records it as posted and returns it. */
  Message post(AlertGroup g, Replier replier) {
    Message m = ready.get(g.id());
    replier.post(ReplyTarget.thread(g.channel(), g.ts(), null), m);
    state.posted(g.id());
    ready.remove(g.id());
    return m;
  }

  /** Gathers again what a previous run decided on but did not post. */
  void resume() {
    for (String id : state.pending()) {
      AlertGroup g = groups.find(id);
      if (g != null && g.ts() != null && g.channel() != null) {
        gather(id);
      }
    }
  }

  private void gather(String groupId) {
    if (executor.isShutdown() || !gathering.add(groupId)) {
      return;
    }
    executor.execute(
        () -> {
          try {
            AlertGroup g = groups.find(groupId);
            EnrichmentTarget t = g == null ? null : target(g);
            if (t == null) {
              return;
            }
            ready.put(groupId, EnrichmentMessages.message(gatherer.gather(t)));
            outbox.submit(g.channel(), groupId);
          } catch (RuntimeException e) {
            // left pending: the next start gathers it again
            log.warn("alert group {}: enrichment could not be gathered: {}", groupId, e.toString());
          } finally {
            gathering.remove(groupId);
          }
        });
  }

  // the first firing alert's object; resolved since the decision, the first alert's
  private static EnrichmentTarget target(AlertGroup g) {
    EnrichmentTarget t = EnrichmentTarget.of(g);
    if (t != null) {
      return t;
    }
    for (GroupAlert a : g.alerts()) {
      t = EnrichmentTarget.of(a.alert());
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  // one line when a storm starts in a channel, one when it ends
  private synchronized void skipped(String channel, int waiting) {
    int count = skippedByChannel.merge(channel, 1, Integer::sum);
    if (count == 1) {
      log.info(
          "alert enrichment skipped: {} groups waiting in {} (more than {}); new groups there get"
              + " no enrichment until the queue is shorter",
          waiting,
          channel,
          MAX_BACKLOG);
    }
  }

  private synchronized void resumed(String channel) {
    Integer skipped = skippedByChannel.remove(channel);
    if (skipped != null) {
      log.info(
          "alert enrichment resumes in {}: {} group(s) were skipped while its queue was long",
          channel,
          skipped);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
