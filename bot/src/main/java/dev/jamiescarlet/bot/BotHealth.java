package dev.jamiescarlet.bot;

import com.slack.api.Slack;
import dev.jamiescarlet.agents.definitions.AgentDefinitions;
import dev.jamiescarlet.bot.alerts.AlertIntake;
import dev.jamiescarlet.bot.commands.Monitoring;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.config.SlackMode;
import dev.jamiescarlet.bot.health.DependencyCheck;
import dev.jamiescarlet.bot.health.DependencyChecks;
import dev.jamiescarlet.bot.health.HealthChecks;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Wires the health checks behind /readyz, /health and {@code status} to the bot's clients. */
final class BotHealth {
  private BotHealth() {}

  static HealthChecks checks(
      JamieConfig config,
      Slack slack,
      BooleanSupplier socketConnected,
      Mongo store,
      ClusterRegistry clusters,
      AgentDefinitions agents,
      Map<String, String> env,
      ArgoCdClient argo,
      Monitoring monitoring,
      AlertIntake alerts) {
    DependencyChecks checks =
        new DependencyChecks(
            slack,
            config.botToken(),
            config.authTest(),
            config.slackMode() == SlackMode.SOCKET ? socketConnected : null,
            store.database(),
            store.description(),
            clusters,
            agents.all(),
            env,
            argo,
            monitoring.grafana(),
            monitoring.prometheus(),
            monitoring.alertmanager());
    Supplier<List<DependencyCheck>> all =
        () -> {
          List<DependencyCheck> list = new ArrayList<>(checks.supplier().get());
          // deliveries set aside show in `status` beside the dependencies
          list.add(alerts.deadLetterCheck());
          return list;
        };
    return new HealthChecks(all, Clock.systemUTC());
  }
}
