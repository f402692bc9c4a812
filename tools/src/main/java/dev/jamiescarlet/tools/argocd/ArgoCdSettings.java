package dev.jamiescarlet.tools.argocd;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where Argo CD is and how to reach it: base URL, bearer token, TLS checking and timeouts.
 *
 * @param baseUrl the Argo CD server, e.g. {@code https://argocd.example/}
 * @param token an Argo CD API token (account or project token), sent as a bearer token
 * @param insecureTls skip certificate and host name checks; off by default, for lab installs only
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for one response
 */
public record ArgoCdSettings(
    URI baseUrl,
    String token,
    boolean insecureTls,
    Duration connectTimeout,
    Duration requestTimeout) {

  /** Default connection timeout. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default response timeout; a sync answers once the operation is queued, not when it ends. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Validates the settings and adds the trailing slash that path resolution needs. */
  public ArgoCdSettings {
    if (baseUrl == null) {
      throw new IllegalArgumentException(
          "JAMIE_ARGOCD_URL is not set; point it at the Argo CD server, e.g. https://argocd.example/");
    }
    String scheme = baseUrl.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException(
          "JAMIE_ARGOCD_URL must start with https:// (or http:// for a port-forward), got "
              + baseUrl);
    }
    if (!baseUrl.getPath().endsWith("/")) {
      baseUrl = URI.create(baseUrl + "/");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "JAMIE_ARGOCD_TOKEN is not set; create one with `argocd account generate-token --account jamie`");
    }
    connectTimeout = connectTimeout == null ? CONNECT_TIMEOUT : connectTimeout;
    requestTimeout = requestTimeout == null ? REQUEST_TIMEOUT : requestTimeout;
  }

  /** Settings with certificate checks on and the default timeouts. */
  public static ArgoCdSettings of(String baseUrl, String token) {
    return new ArgoCdSettings(uri(baseUrl), token, false, null, null);
  }

  /**
   * Reads {@code JAMIE_ARGOCD_URL}, {@code JAMIE_ARGOCD_TOKEN} and {@code JAMIE_ARGOCD_INSECURE}
   * (true to skip TLS checks) from the given environment.
   */
  public static ArgoCdSettings fromEnv(Map<String, String> env) {
    String url = env.get("JAMIE_ARGOCD_URL");
    return new ArgoCdSettings(
        url == null || url.isBlank() ? null : uri(url),
        env.get("JAMIE_ARGOCD_TOKEN"),
        Boolean.parseBoolean(env.getOrDefault("JAMIE_ARGOCD_INSECURE", "false")),
        null,
        null);
  }

  /** The same settings with TLS checks skipped (or not). */
  public ArgoCdSettings withInsecureTls(boolean insecure) {
    return new ArgoCdSettings(baseUrl, token, insecure, connectTimeout, requestTimeout);
  }

  /** The same settings with other timeouts. */
  public ArgoCdSettings withTimeouts(Duration connect, Duration request) {
    return new ArgoCdSettings(baseUrl, token, insecureTls, connect, request);
  }

  @Override
  public String toString() {
    // the token never reaches a log line
    return "ArgoCdSettings[baseUrl=" + baseUrl + ", insecureTls=" + insecureTls + "]";
  }

  private static URI uri(String url) {
    try {
      return URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "JAMIE_ARGOCD_URL is not a URL ("
              + e.getMessage()
              + "); use e.g. https://argocd.example/",
          e);
    }
  }
}
