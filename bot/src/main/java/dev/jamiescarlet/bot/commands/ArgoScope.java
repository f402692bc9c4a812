package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.argocd.AppSummary;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;

/**
 * The policy scope of an Argo CD application: its destination cluster as Jamie names it and its
 * destination namespace, so production scopes need a second approver for Argo CD writes too.
 *
 * @param cluster a registered cluster's name when the destination is one, else the destination's
 *     name ({@code in-cluster} for Argo CD's own cluster)
 * @param namespace the destination namespace, or null for none
 */
record ArgoScope(String cluster, String namespace) {
  /** Argo CD's address for the cluster it runs in. */
  static final String IN_CLUSTER_SERVER = "https://kubernetes.default.svc";

  /**
   * The scope of {@code app}, mapping its destination to a registered cluster where one matches.
   */
  static ArgoScope of(AppSummary app, ClusterRegistry clusters) {
    String destination = app.cluster() == null ? "" : app.cluster().strip();
    String cluster = null;
    if (clusters != null) {
      for (ClusterInfo info : clusters.clusters()) {
        if (info.name().equals(destination) || sameServer(info.server(), destination)) {
          cluster = info.name();
          break;
        }
      }
    }
    if (cluster == null) {
      // Jamie cannot know which of its clusters Argo CD runs in, so it keeps Argo CD's name for it
      cluster = sameServer(IN_CLUSTER_SERVER, destination) ? "in-cluster" : destination;
    }
    String ns = app.namespace() == null || app.namespace().isBlank() ? null : app.namespace();
    return new ArgoScope(cluster.isEmpty() ? "in-cluster" : cluster, ns);
  }

  private static boolean sameServer(String a, String b) {
    return a != null && b != null && trim(a).equalsIgnoreCase(trim(b)) && !trim(a).isEmpty();
  }

  private static String trim(String url) {
    String s = url.strip();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
