package dev.jamiescarlet.bot.config;

import dev.jamiescarlet.tools.http.SafeUrls;

/**
 * The Grafana the bot annotates.
 *
 * @param url its base URL
 * @param token a service-account token, or null
 */
public record GrafanaConfig(String url, String token) {
  /** The token and any credentials in the URL stay out of logs. */
  @Override
  public String toString() {
    return "GrafanaConfig[url="
        + SafeUrls.strip(url)
        + ", token="
        + (token == null ? "none" : "redacted")
        + "]";
  }
}
