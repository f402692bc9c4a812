package dev.jamiescarlet.bot.health;

import com.mongodb.client.MongoDatabase;
import com.slack.api.Slack;
import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The bot's dependencies, in the order /health and {@code status} list them: Slack, MongoDB, each
 * cluster, each model, Argo CD, Grafana, Prometheus, Alertmanager.
 *
 * @param slack the Slack client
 * @param botToken the bot token auth.test uses
 * @param authTest whether auth.test may be called (JAMIE_SLACK_AUTH_TEST)
 * @param socketConnected whether Socket Mode is connected, or null in HTTP mode
 * @param mongo the database
 * @param mongoDescription how the store describes itself, e.g. "embedded MongoDB at …"
 * @param clusters the cluster registry, read each round so discovered tenants appear
 * @param agents the agents whose model chains are checked
 * @param env the environment holding the models' API keys
 * @param argo Argo CD, or null
 * @param grafana Grafana, or null
 * @param prometheus Prometheus, or null
 * @param alertmanager Alertmanager, or null
 */
public record DependencyChecks(
    Slack slack,
    String botToken,
    boolean authTest,
    BooleanSupplier socketConnected,
    MongoDatabase mongo,
    String mongoDescription,
    ClusterRegistry clusters,
    List<AgentDefinition> agents,
    Map<String, String> env,
    ArgoCdClient argo,
    GrafanaClient grafana,
    PrometheusClient prometheus,
    AlertmanagerClient alertmanager) {

  /** The checks, the cluster list re-read each round. */
  public Supplier<List<DependencyCheck>> supplier() {
    DependencyCheck slackCheck = PlatformChecks.slack(slack, botToken, authTest, socketConnected);
    DependencyCheck mongoCheck = PlatformChecks.mongo(mongo, mongoDescription);
    List<DependencyCheck> models = ModelChecks.of(agents, env);
    List<DependencyCheck> services =
        List.of(
            ServiceChecks.argoCd(argo),
            ServiceChecks.grafana(grafana),
            ServiceChecks.prometheus(prometheus),
            ServiceChecks.alertmanager(alertmanager));
    return () -> {
      List<DependencyCheck> all = new ArrayList<>();
      all.add(slackCheck);
      all.add(mongoCheck);
      all.addAll(PlatformChecks.clusters(clusters));
      all.addAll(models);
      all.addAll(services);
      return all;
    };
  }
}
