package dev.jamiescarlet.tools.diagnosis;

import java.util.Map;

/**
 * The object a finding is about.
 *
 * @param kind API kind, e.g. Deployment
 * @param name object name
 * @param namespace namespace, or null for cluster-scoped objects such as nodes
 */
public record ObjectRef(String kind, String name, String namespace) {
  private static final Map<String, String> SHORT =
      Map.of(
          "Deployment", "deploy",
          "StatefulSet", "sts",
          "DaemonSet", "ds",
          "ReplicaSet", "rs",
          "CronJob", "cj",
          "Service", "svc",
          "PersistentVolumeClaim", "pvc");

  /** {@code deploy/checkout}, {@code pod/web-1}, {@code node/node-a}: what commands take. */
  public String ref() {
    return SHORT.getOrDefault(kind, kind.toLowerCase(java.util.Locale.ROOT)) + "/" + name;
  }

  /** {@code -n shop}, or empty for cluster-scoped objects. */
  String namespaceFlag() {
    return namespace == null ? "" : " -n " + namespace;
  }
}
