package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.config.ObservabilityConfig;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import dev.jamiescarlet.tools.prometheus.PrometheusException;
import java.net.URI;
import java.time.Duration;

/**
 * The Prometheus and Alertmanager behind {@code graph}, {@code query} and {@code alerts}; either
 * may be null when its URL is not set.
 *
 * @param prometheus the Prometheus client, or null
 * @param alertmanager the Alertmanager client, or null
 */
public record Monitoring(PrometheusClient prometheus, AlertmanagerClient alertmanager) {

  /** Neither configured: the commands say which setting to set. */
  public static final Monitoring NONE = new Monitoring(null, null);

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

  static Message alertmanagerMissing() {
    return Replies.error(
        "I'm not connected to Alertmanager.",
        "Operators: set `JAMIE_ALERTMANAGER_URL` (e.g. `http://alertmanager.monitoring:9093`).");
  }
}
