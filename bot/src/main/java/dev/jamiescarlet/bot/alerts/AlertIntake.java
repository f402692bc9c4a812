package dev.jamiescarlet.bot.alerts;

import com.mongodb.client.MongoDatabase;
import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.config.EventAlertsConfig;
import dev.jamiescarlet.bot.health.DependencyCheck;
import dev.jamiescarlet.bot.health.ProbeResult;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.Gauge;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Alert intake wired together: hooks → events → processor → groups → outbox → Slack. */
public final class AlertIntake implements AutoCloseable {
  /** How often the outbox looks for groups whose Slack message is behind. */
  static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

  /** Groups queued per sweep at most; the next sweep takes the rest. */
  static final int SWEEP_LIMIT = 500;

  private final AlertEvents events;
  private final AlertGroups groups;
  private final SlackOutbox outbox;
  private final AlertProcessor processor;
  private final AlertHooks hooks;
  private final Clock clock;
  private final AlertRetention retention;
  private final AlertEnrichment enrichment;
  private KubernetesEventSource eventSource;

  /** Builds and starts processing; a bad routes file throws naming the file, field and fix. */
  public static AlertIntake start(
      AlertsConfig config, MongoDatabase db, Replier replier, Clock clock) {
    return start(config, db, replier, clock, cluster -> false, null);
  }

  /**
   * As above; {@code knownCluster} says whether an alert's {@code cluster} label names a registered
   * cluster (so Show logs can pass {@code --cluster}), and {@code enrichment} (or null) posts logs,
   * events, a chart and runbooks in pod-related groups' threads.
   */
  public static AlertIntake start(
      AlertsConfig config,
      MongoDatabase db,
      Replier replier,
      Clock clock,
      Predicate<String> knownCluster,
      AlertEnrichment enrichment) {
    AlertRoutes routes = AlertRoutes.load(config.routesFile(), config.channel());
    return new AlertIntake(
        config,
        db,
        replier,
        clock,
        routes,
        OutboxScheduler.threaded(clock),
        new AlertMessages(clock, new AlertButtons(clock, knownCluster)),
        enrichment);
  }

  AlertIntake(
      AlertsConfig config,
      MongoDatabase db,
      Replier replier,
      Clock clock,
      AlertRoutes routes,
      OutboxScheduler scheduler) {
    this(config, db, replier, clock, routes, scheduler, new AlertMessages(clock), null);
  }

  AlertIntake(
      AlertsConfig config,
      MongoDatabase db,
      Replier replier,
      Clock clock,
      AlertRoutes routes,
      OutboxScheduler scheduler,
      AlertEnrichment enrichment) {
    this(config, db, replier, clock, routes, scheduler, new AlertMessages(clock), enrichment);
  }

  AlertIntake(
      AlertsConfig config,
      MongoDatabase db,
      Replier replier,
      Clock clock,
      AlertRoutes routes,
      OutboxScheduler scheduler,
      AlertMessages messages,
      AlertEnrichment enrichment) {
    this(
        config,
        db,
        replier,
        clock,
        routes,
        scheduler,
        messages,
        enrichment,
        SlackOutbox.Timing.DEFAULT);
  }

  AlertIntake(
      AlertsConfig config,
      MongoDatabase db,
      Replier replier,
      Clock clock,
      AlertRoutes routes,
      OutboxScheduler scheduler,
      AlertMessages messages,
      AlertEnrichment enrichment,
      SlackOutbox.Timing timing) {
    this.clock = clock;
    this.events = new AlertEvents(db, clock);
    this.groups = new AlertGroups(db);
    this.enrichment = enrichment;
    this.outbox =
        new SlackOutbox(
            scheduler,
            new AlertPoster(groups, messages, replier, enrichment),
            timing,
            new SecureRandom()::nextDouble);
    // what a failure left behind is resent within a sweep, without waiting for a restart
    outbox.sweepEvery(SWEEP_EVERY, () -> groups.unsent(SWEEP_LIMIT));
    if (enrichment != null) {
      enrichment.attach(db, clock, groups, outbox);
    }
    this.processor = new AlertProcessor(events, groups, routes, outbox, clock).start();
    if (enrichment != null) {
      enrichment.resume();
    }
    this.retention = new AlertRetention(db, clock).start();
    this.hooks = new AlertHooks(new HookAuth(config), events, processor::accept);
  }

  /** The webhook handlers, one per source, keyed by path ({@code /hooks/alertmanager}…). */
  public Map<String, Handler> hooks() {
    Map<String, Handler> out = new LinkedHashMap<>();
    for (AlertSource s : AlertSource.values()) {
      if (!s.webhook()) {
        continue;
      }
      out.put(s.path(), ctx -> hooks.handle(s, ctx));
    }
    return out;
  }

  /**
   * Commits with {@code commit} before each hook's 200 (the embedded store writes to disk every few
   * seconds otherwise); a real MongoDB acknowledges durably by itself and needs nothing.
   */
  public void commitWith(Runnable commit) {
    hooks.commitWith(commit);
  }

  /**
   * Counts and traces webhook deliveries, counts the outbox's failed Slack calls, and gauges the
   * deliveries set aside ({@code jamie.alert.events.dead.letter}).
   */
  public void measure(Telemetry telemetry) {
    hooks.measure(telemetry);
    outbox.measure(telemetry.meters());
    Gauge.builder("jamie.alert.events.dead.letter", processor, AlertProcessor::deadLetterCount)
        .description(
            "Alert deliveries set aside because they can never be processed (alert_events with"
                + " deadLetter)")
        .register(telemetry.meters());
  }

  /**
   * The line {@code status} shows for alert intake: degraded while deliveries are set aside, with
   * the newest one's reason.
   */
  public DependencyCheck deadLetterCheck() {
    return DependencyCheck.optional(
        "alert intake",
        "alerts",
        "check MongoDB",
        () -> {
          if (processor.deadLetterCount() == 0) {
            return ProbeResult.up("no deliveries set aside");
          }
          AlertEvents.DeadLetters d = events.deadLetters();
          if (d.count() == 0) {
            return ProbeResult.up("no deliveries set aside");
          }
          return ProbeResult.degraded(
              d.count()
                  + (d.count() == 1 ? " delivery" : " deliveries")
                  + " set aside (bad input) — see alert_events with deadLetter; the newest: "
                  + d.newestReason());
        });
  }

  /** Starts the Kubernetes warning-event source over {@code clusters}. */
  public void watchEvents(EventAlertsConfig config, ClusterRegistry clusters) {
    eventSource =
        new KubernetesEventSource(config, clusters, events, groups, processor::accept, clock)
            .start();
  }

  /** The alert groups. */
  public AlertGroups groups() {
    return groups;
  }

  /** Queues the group's message for an update, e.g. after a button changed the group. */
  public void refresh(String groupId) {
    AlertGroup g = groups.find(groupId);
    if (g != null && g.channel() != null) {
      outbox.submit(g.channel(), g.id());
    }
  }

  /** The stored events. */
  public AlertEvents events() {
    return events;
  }

  @Override
  public void close() {
    if (eventSource != null) {
      eventSource.close();
    }
    retention.close();
    processor.close();
    if (enrichment != null) {
      enrichment.close();
    }
    outbox.close();
  }
}
