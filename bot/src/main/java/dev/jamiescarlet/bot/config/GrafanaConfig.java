package dev.jamiescarlet.bot.config;

/**
 * The Grafana the bot annotates.
 *
 * @param url its base URL
 * @param token a service-account token, or null
 */
public record GrafanaConfig(String url, String token) {
  /** The token stays out of logs. */
  @Override
  public String toString() {
    return "GrafanaConfig[url=" + url + ", token=" + (token == null ? "none" : "redacted") + "]";
  }
}
