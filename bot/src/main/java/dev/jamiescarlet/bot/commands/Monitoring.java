package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.config.GrafanaConfig;
import dev.jamiescarlet.bot.config.ObservabilityConfig;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.grafana.GrafanaException;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import dev.jamiescarlet.tools.prometheus.PrometheusException;
import java.net.URI;
import java.time.Duration;

/**
 * The Prometheus, Alertmanager and Grafana behind {@code graph}, {@code query}, {@code alerts},
 * {@code dashboards} and {@code panel}; each may be null when its URL is not set.
 *
 * @param prometheus the Prometheus client, or null
 * @param alertmanager the Alertmanager client, or null
 * @param grafana the Grafana client, or null
 */
public record Monitoring(
    PrometheusClient prometheus, AlertmanagerClient alertmanager, GrafanaClient grafana) {

  /** None configured: the commands say which setting to set. */
  public static final Monitoring NONE = new Monitoring(null, null, null);

  /** Without Grafana. */
  public Monitoring(PrometheusClient prometheus, AlertmanagerClient alertmanager) {
    this(prometheus, alertmanager, null);
  }

  /** Clients for the configured URLs, Grafana's included when {@code grafana} is set. */
  public static Monitoring of(ObservabilityConfig config, GrafanaConfig grafana) {
    Monitoring m = of(config);
    return grafana == null
        ? m
        : new Monitoring(
            m.prometheus(),
            m.alertmanager(),
            new GrafanaClient(grafana.url(), grafana.token(), Duration.ofSeconds(30)));
  }

  /** Clients for the configured URLs (5 s to connect, 30 s per request). */
  public static Monitoring of(ObservabilityConfig config) {
    if (config == null) {
      return NONE;
    }
    Duration connect = Duration.ofSeconds(5);
    Duration request = Duration.ofSeconds(30);
    return new Monitoring(
        config.prometheusUrl() == null
            ? null
            : new PrometheusClient(
                URI.create(config.prometheusUrl()), config.prometheusToken(), connect, request),
        config.alertmanagerUrl() == null
            ? null
            : new AlertmanagerClient(URI.create(config.alertmanagerUrl()), null, connect, request));
  }

  static Message prometheusMissing() {
    return Replies.error(
        "I'm not connected to Prometheus.",
        "Operators: set `JAMIE_PROMETHEUS_URL` (e.g. `http://prometheus-server.monitoring:9090`).");
  }

  // bad PromQL is the user's to fix; anything else (unreachable, 5xx, auth) is the operators'
  static Message prometheusFailed(PrometheusException e, String queryHint) {
    boolean badQuery = "bad_data".equals(e.errorType()) || e.status() == 422;
    return Replies.error(
        e.getMessage(),
        badQuery
            ? "Check the PromQL; " + queryHint
            : "Operators: check `JAMIE_PROMETHEUS_URL` and that Prometheus is up.");
  }

  static Message grafanaMissing() {
    return Replies.error(
        "I'm not connected to Grafana.",
        "Operators: set `JAMIE_GRAFANA_URL` (e.g. `http://grafana.monitoring:3000`) and"
            + " `JAMIE_GRAFANA_TOKEN` (a service-account token with the Viewer role).");
  }

  // a missing dashboard is the user's to fix; anything else (auth, unreachable) the operators'
  static Message grafanaFailed(GrafanaException e) {
    return Replies.error(
        e.getMessage(),
        e.kind() == GrafanaException.Kind.NOT_FOUND
            ? "`dashboards TEXT` finds a dashboard's uid."
            : "Operators: check `JAMIE_GRAFANA_URL`, `JAMIE_GRAFANA_TOKEN` and that Grafana is up.");
  }

  static Message alertmanagerMissing() {
    return Replies.error(
        "I'm not connected to Alertmanager.",
        "Operators: set `JAMIE_ALERTMANAGER_URL` (e.g. `http://alertmanager.monitoring:9093`).");
  }
}
