package dev.jamiescarlet.bot.alerts;

import com.mongodb.client.MongoDatabase;
import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.slack.Replier;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alert intake wired together: hooks → events → processor → groups → outbox → Slack. */
public final class AlertIntake implements AutoCloseable {
  private final AlertEvents events;
  private final AlertGroups groups;
  private final SlackOutbox outbox;
  private final AlertProcessor processor;
  private final AlertHooks hooks;
  private final AlertEnrichment enrichment;

  /** Builds and starts processing; a bad routes file throws naming the file, field and fix. */
  public static AlertIntake start(
      AlertsConfig config, MongoDatabase db, Replier replier, Clock clock) {
    AlertRoutes routes = AlertRoutes.load(config.routesFile(), config.channel());
    return new AlertIntake(config, db, replier, clock, routes, OutboxScheduler.threaded(clock));
  }

  /** As above, with pod-related groups enriched in their thread by {@code enrichment}. */
  public static AlertIntake start(
      AlertsConfig config,
      MongoDatabase db,
      Replier replier,
      Clock clock,
      AlertEnrichment enrichment) {
    AlertRoutes routes = AlertRoutes.load(config.routesFile(), config.channel());
    return new AlertIntake(
        config, db, replier, clock, routes, OutboxScheduler.threaded(clock), enrichment);
  }

  AlertIntake(
      AlertsConfig config,
      MongoDatabase db,
      Replier replier,
      Clock clock,
      AlertRoutes routes,
      OutboxScheduler scheduler) {
    this(config, db, replier, clock, routes, scheduler, null);
  }

  AlertIntake(
      AlertsConfig config,
      MongoDatabase db,
      Replier replier,
      Clock clock,
      AlertRoutes routes,
      OutboxScheduler scheduler,
      AlertEnrichment enrichment) {
    this.events = new AlertEvents(db, clock);
    this.groups = new AlertGroups(db);
    this.enrichment = enrichment;
    this.outbox =
        new SlackOutbox(
            scheduler, new AlertPoster(groups, new AlertMessages(clock), replier, enrichment));
    if (enrichment != null) {
      enrichment.attach(db, clock, groups, outbox);
    }
    this.processor = new AlertProcessor(events, groups, routes, outbox, clock).start();
    if (enrichment != null) {
      enrichment.resume();
    }
    this.hooks = new AlertHooks(new HookAuth(config), events, processor::accept);
  }

  /** The webhook handlers, one per source, keyed by path ({@code /hooks/alertmanager}…). */
  public Map<String, Handler> hooks() {
    Map<String, Handler> out = new LinkedHashMap<>();
    for (AlertSource s : AlertSource.values()) {
      out.put(s.path(), ctx -> hooks.handle(s, ctx));
    }
    return out;
  }

  /** The alert groups. */
  public AlertGroups groups() {
    return groups;
  }

  /** The stored events. */
  public AlertEvents events() {
    return events;
  }

  @Override
  public void close() {
    processor.close();
    if (enrichment != null) {
      enrichment.close();
    }
    outbox.close();
  }
}
