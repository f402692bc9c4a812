package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.definitions.AgentDefinitions;
import dev.jamiescarlet.agents.tools.Integrations;
import dev.jamiescarlet.bot.commands.Monitoring;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.config.ObservabilityConfig;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdSettings;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the agents connect to beyond Kubernetes and Slack, built from the bot's settings. */
public final class AgentIntegrations {
  private AgentIntegrations() {}

  /**
   * The clients the agents' metrics, GitOps and dashboard tools use; unset URLs leave them out. The
   * Prometheus and Alertmanager clients are the commands' own.
   */
  public static Integrations of(JamieConfig config, Monitoring monitoring) {
    return of(config, monitoring, argoCd(config));
  }

  /** As above, sharing the commands' Argo CD client (null when not configured). */
  public static Integrations of(JamieConfig config, Monitoring monitoring, ArgoCdClient argo) {
    GrafanaClient grafana =
        config.grafana() == null
            ? null
            : new GrafanaClient(
                config.grafana().url(), config.grafana().token(), Duration.ofSeconds(10));
    return new Integrations(monitoring.prometheus(), monitoring.alertmanager(), argo, grafana);
  }

  /**
   * The Argo CD client for {@code JAMIE_ARGOCD_*}, or null when {@code JAMIE_ARGOCD_URL} is unset.
   */
  public static ArgoCdClient argoCd(JamieConfig config) {
    ObservabilityConfig o = config.observability();
    return o == null || o.argocdUrl() == null
        ? null
        : new ArgoCdClient(
            ArgoCdSettings.of(o.argocdUrl(), o.argocdToken()).withInsecureTls(o.argocdInsecure()));
  }

  /** Each agent's own slash commands (e.g. /scarlet), other than the bot's {@code own}. */
  public static List<String> slashCommands(AgentDefinitions agents, String own) {
    List<String> out = new ArrayList<>();
    for (AgentDefinition a : agents.all()) {
      for (String c : a.triggers().slashCommands()) {
        if (!c.equals(own) && !out.contains(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }
}
