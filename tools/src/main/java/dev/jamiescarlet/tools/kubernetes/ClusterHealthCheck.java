package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.List;
import java.util.Locale;

/** Checks one cluster: GET /version (timed), then the nodes; never throws. */
public final class ClusterHealthCheck {
  private ClusterHealthCheck() {}

  /** The health of {@code cluster} as seen through {@code client}. */
  public static ClusterHealth check(String cluster, KubernetesClient client) {
    long start = System.nanoTime();
    VersionInfo version;
    try {
      version = client.getKubernetesVersion();
    } catch (RuntimeException e) {
      return ClusterHealth.unreachable(cluster, reason(e));
    }
    long latency = (System.nanoTime() - start) / 1_000_000;
    String gitVersion = versionOf(version);
    try {
      List<Node> nodes = client.nodes().list().getItems();
      int ready = (int) nodes.stream().filter(ClusterHealthCheck::ready).count();
      return new ClusterHealth(cluster, true, gitVersion, nodes.size(), ready, latency, null);
    } catch (RuntimeException e) {
      // reachable, but the bot may not list nodes: say so rather than report zero
      return new ClusterHealth(cluster, true, gitVersion, -1, -1, latency, reason(e));
    }
  }

  /** gitVersion (v1.31.0), else major.minor when the server leaves it out. */
  static String versionOf(VersionInfo version) {
    if (version == null) {
      return null;
    }
    if (version.getGitVersion() != null && !version.getGitVersion().isBlank()) {
      return version.getGitVersion();
    }
    return "v" + version.getMajor() + "." + version.getMinor();
  }

  static boolean ready(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The innermost message, in lower case, e.g. "connection refused". */
  static String reason(Throwable e) {
    if (e instanceof KubernetesClientException k && k.getCode() == 403) {
      return "forbidden (the bot's credentials may not do this)";
    }
    if (e instanceof KubernetesClientException k && k.getCode() == 401) {
      return "unauthorized (the credentials were rejected)";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = root.getClass().getSimpleName();
    }
    message = message.strip();
    return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
  }
}
