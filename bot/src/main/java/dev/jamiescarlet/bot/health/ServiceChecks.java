package dev.jamiescarlet.bot.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.grafana.GrafanaException;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import dev.jamiescarlet.tools.prometheus.PrometheusException;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Checks for the optional integrations (whose clients' errors already name the fix): Argo CD,
 * Grafana, Prometheus and Alertmanager; each is "not configured" (shown, not failing) when its URL
 * is unset.
 */
public final class ServiceChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServiceChecks() {}

  /** Argo CD: {@code GET /api/version} with the bot's token. */
  public static DependencyCheck argoCd(ArgoCdClient argo) {
    if (argo == null) {
      return DependencyCheck.notConfigured(
          "argocd", "argocd", "set JAMIE_ARGOCD_URL and JAMIE_ARGOCD_TOKEN to use Argo CD");
    }
    return DependencyCheck.optional(
        "argocd",
        "argocd",
        "check JAMIE_ARGOCD_URL and the network path to Argo CD",
        () -> {
          try {
            return ProbeResult.up("Argo CD " + argo.version());
          } catch (ArgoCdException e) {
            return ProbeResult.down(e.getMessage());
          }
        });
  }

  /** Grafana: {@code GET /api/health}, whose database must be ok. */
  public static DependencyCheck grafana(GrafanaClient grafana) {
    if (grafana == null) {
      return DependencyCheck.notConfigured(
          "grafana", "grafana", "set JAMIE_GRAFANA_URL (and JAMIE_GRAFANA_TOKEN) to use Grafana");
    }
    return DependencyCheck.optional(
        "grafana",
        "grafana",
        "check JAMIE_GRAFANA_URL and JAMIE_GRAFANA_TOKEN",
        () -> {
          try {
            return ProbeResult.up("Grafana " + grafana.version());
          } catch (GrafanaException e) {
            return ProbeResult.down(e.getMessage());
          }
        });
  }

  /** Prometheus: the trivial query {@code vector(1)}, which every Prometheus answers. */
  public static DependencyCheck prometheus(PrometheusClient prometheus) {
    if (prometheus == null) {
      return DependencyCheck.notConfigured(
          "prometheus", "prometheus", "set JAMIE_PROMETHEUS_URL to use Prometheus");
    }
    return DependencyCheck.optional(
        "prometheus",
        "prometheus",
        "check JAMIE_PROMETHEUS_URL (and JAMIE_PROMETHEUS_TOKEN)",
        () -> {
          try {
            prometheus.query("vector(1)", null);
          } catch (PrometheusException e) {
            return ProbeResult.down(e.getMessage());
          }
          return ProbeResult.up("answers queries at " + prometheus.baseUrl());
        });
  }

  /** Alertmanager: {@code GET /api/v2/status}. */
  public static DependencyCheck alertmanager(AlertmanagerClient alertmanager) {
    if (alertmanager == null) {
      return DependencyCheck.notConfigured(
          "alertmanager", "alertmanager", "set JAMIE_ALERTMANAGER_URL to use Alertmanager");
    }
    String fix = "check JAMIE_ALERTMANAGER_URL";
    return DependencyCheck.optional(
        "alertmanager",
        "alertmanager",
        fix,
        () -> {
          String base = alertmanager.baseUrl().toString();
          URI uri = URI.create(base.endsWith("/") ? base : base + "/").resolve("api/v2/status");
          HttpResponse<String> r = HttpProbe.get(uri, null);
          if (r.statusCode() != 200) {
            return ProbeResult.down("HTTP " + r.statusCode() + " from " + uri + "; " + fix);
          }
          String version = JSON.readTree(r.body()).path("versionInfo").path("version").asText("");
          return ProbeResult.up(
              (version.isEmpty() ? "Alertmanager" : "Alertmanager " + version) + " at " + base);
        });
  }
}
