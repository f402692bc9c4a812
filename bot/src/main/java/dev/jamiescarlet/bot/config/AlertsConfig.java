package dev.jamiescarlet.bot.config;

import java.nio.file.Path;

/**
 * Alert intake: the webhooks' tokens, the default channel and the routes file.
 *
 * @param hookToken the token of every hook, or null
 * @param alertmanagerToken the token of /hooks/alertmanager only, or null
 * @param grafanaToken the token of /hooks/grafana only, or null
 * @param argoCdToken the token of /hooks/argocd only, or null
 * @param channel the channel alerts go to when no route matches, or null
 * @param routesFile the YAML routes file, or null
 * @param events the Kubernetes warning-event source
 */
public record AlertsConfig(
    String hookToken,
    String alertmanagerToken,
    String grafanaToken,
    String argoCdToken,
    String channel,
    Path routesFile,
    EventAlertsConfig events) {

  /** Without the warning-event source. */
  public AlertsConfig(
      String hookToken,
      String alertmanagerToken,
      String grafanaToken,
      String argoCdToken,
      String channel,
      Path routesFile) {
    this(
        hookToken,
        alertmanagerToken,
        grafanaToken,
        argoCdToken,
        channel,
        routesFile,
        EventAlertsConfig.off());
  }

  /** No hooks, no channel: the hooks answer 503. */
  public static AlertsConfig none() {
    return new AlertsConfig(null, null, null, null, null, null);
  }

  /** Secrets stay out of logs. */
  @Override
  public String toString() {
    return "AlertsConfig[channel="
        + channel
        + ", routesFile="
        + routesFile
        + ", events="
        + events
        + ", tokens=redacted]";
  }
}
