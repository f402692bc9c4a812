package dev.jamiescarlet.bot.config;

import dev.jamiescarlet.tools.http.SafeUrls;

/**
 * Where the bot reads metrics and alerts, and the Argo CD it will talk to; every part may be null.
 *
 * @param prometheusUrl Prometheus's base URL, or null (no {@code graph} or {@code query})
 * @param prometheusToken a bearer token for Prometheus, or null
 * @param alertmanagerUrl Alertmanager's base URL, or null (no {@code alerts})
 * @param argocdUrl Argo CD's base URL, or null
 * @param argocdToken an Argo CD API token, or null
 * @param argocdInsecure whether to skip TLS verification towards Argo CD
 */
public record ObservabilityConfig(
    String prometheusUrl,
    String prometheusToken,
    String alertmanagerUrl,
    String argocdUrl,
    String argocdToken,
    boolean argocdInsecure) {

  /** Tokens and credentials in URLs stay out of logs. */
  @Override
  public String toString() {
    return "ObservabilityConfig[prometheusUrl="
        + SafeUrls.strip(prometheusUrl)
        + ", prometheusToken="
        + (prometheusToken == null ? "none" : "redacted")
        + ", alertmanagerUrl="
        + SafeUrls.strip(alertmanagerUrl)
        + ", argocdUrl="
        + SafeUrls.strip(argocdUrl)
        + ", argocdToken="
        + (argocdToken == null ? "none" : "redacted")
        + ", argocdInsecure="
        + argocdInsecure
        + "]";
  }
}
