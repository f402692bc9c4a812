package dev.jamiescarlet.bot;

import dev.jamiescarlet.bot.alerts.AlertEnrichment;
import dev.jamiescarlet.bot.alerts.AlertIntake;
import dev.jamiescarlet.bot.alerts.EnrichmentSources;
import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.http.StartupException;
import dev.jamiescarlet.bot.slack.SlackReplier;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.tools.diagnosis.Fabric8Diagnoser;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts alert intake for the bot: hooks, enrichment as the bot itself, durability, events. */
final class BotAlerts {
  private static final Logger log = LoggerFactory.getLogger(BotAlerts.class);

  private BotAlerts() {}

  /**
   * The running intake; a bad JAMIE_ALERT_ROUTES file stops the start with its fix.
   *
   * @param prometheus the charts' source, or null
   * @param runbooks the memory store, read when an alert is enriched (null while it starts)
   */
  static AlertIntake start(
      JamieConfig config,
      Mongo store,
      SlackReplier replier,
      Clock clock,
      ClusterRegistry clusters,
      KubernetesReads reads,
      PrometheusClient prometheus,
      Supplier<MemoryStore> runbooks) {
    AlertsConfig alerts = config.alerts();
    AlertIntake intake;
    try {
      intake =
          AlertIntake.start(
              alerts,
              store.database(),
              replier,
              clock,
              name -> clusters.clusters().stream().anyMatch(c -> c.name().equals(name)),
              new AlertEnrichment(
                  new EnrichmentSources(
                      clusters,
                      reads,
                      new Fabric8Diagnoser(clusters, clock),
                      runbooks,
                      prometheus,
                      clock)));
    } catch (IllegalArgumentException e) {
      throw new StartupException(e.getMessage(), e);
    }
    if (alerts.hookToken() == null
        && alerts.alertmanagerToken() == null
        && alerts.grafanaToken() == null
        && alerts.argoCdToken() == null) {
      log.info("alerts: no JAMIE_HOOK_TOKEN; the /hooks/* webhooks answer 503 until it is set");
    }
    if (store.embedded()) {
      // an accepted alert must survive a crash right after the 200
      intake.commitWith(store::commit);
    }
    if (alerts.events().enabled()) {
      intake.watchEvents(alerts.events(), clusters);
    }
    return intake;
  }
}
