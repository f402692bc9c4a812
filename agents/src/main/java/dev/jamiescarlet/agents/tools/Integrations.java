package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;

/**
 * The clients of the optional integrations the operator configured; a null client means its tool
 * family is unavailable (see {@link AgentTools#unavailable(java.util.Set, Integrations)}).
 *
 * @param prometheus instant and range queries, and Prometheus's own alerts; null when not set
 * @param alertmanager the firing alerts (read only: agents never create silences); null when not
 *     set
 * @param argoCd Argo CD applications, read only (sync and rollback are proposed as commands); null
 *     when not set
 * @param grafana dashboard search and panel links; null when not set
 */
public record Integrations(
    PrometheusClient prometheus,
    AlertmanagerClient alertmanager,
    ArgoCdClient argoCd,
    GrafanaClient grafana) {

  /** No integration configured: only the Kubernetes, memory and runbook families have tools. */
  public static final Integrations NONE = new Integrations(null, null, null, null);
}
