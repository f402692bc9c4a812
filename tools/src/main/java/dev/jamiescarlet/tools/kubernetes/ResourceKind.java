package dev.jamiescarlet.tools.kubernetes;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds {@code describe} understands, with the short names kubectl accepts. */
enum ResourceKind {
  POD("Pod", true, "pod", "pods", "po"),
  DEPLOYMENT("Deployment", true, "deployment", "deployments", "deploy"),
  STATEFULSET("StatefulSet", true, "statefulset", "statefulsets", "sts"),
  DAEMONSET("DaemonSet", true, "daemonset", "daemonsets", "ds"),
  REPLICASET("ReplicaSet", true, "replicaset", "replicasets", "rs"),
  JOB("Job", true, "job", "jobs"),
  CRONJOB("CronJob", true, "cronjob", "cronjobs", "cj"),
  SERVICE("Service", true, "service", "services", "svc"),
  CONFIGMAP("ConfigMap", true, "configmap", "configmaps", "cm"),
  NODE("Node", false, "node", "nodes", "no"),
  NAMESPACE("Namespace", false, "namespace", "namespaces", "ns");

  private static final List<String> SECRET_NAMES = List.of("secret", "secrets");

  private final String kind;
  private final boolean namespaced;
  private final List<String> aliases;

  ResourceKind(String kind, boolean namespaced, String... aliases) {
    this.kind = kind;
    this.namespaced = namespaced;
    this.aliases = List.of(aliases);
  }

  /** The API kind, e.g. Deployment. */
  String kind() {
    return kind;
  }

  /** Whether objects of this kind live in a namespace. */
  boolean namespaced() {
    return namespaced;
  }

  /** Lower-case singular, e.g. deployment, for messages. */
  String noun() {
    return aliases.get(0);
  }

  /** The kind for a name people type (case-insensitive; singular, plural or short). */
  static ResourceKind parse(String typed) {
    String wanted = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
    if (SECRET_NAMES.contains(wanted)) {
      // Secret data never leaves the cluster through the bot: no describe, no tool, no model
      throw new KubernetesToolException(
          Kind.INVALID_REQUEST,
          "I don't read Secrets: their values must never reach Slack or a model. Use `kubectl get"
              + " secret` yourself if you are allowed to.");
    }
    for (ResourceKind k : values()) {
      if (k.aliases.contains(wanted) || k.kind.toLowerCase(Locale.ROOT).equals(wanted)) {
        return k;
      }
    }
    throw new KubernetesToolException(
        Kind.INVALID_REQUEST,
        "I can't describe `"
            + typed
            + "`. Supported kinds: "
            + Arrays.stream(values())
                .map(k -> k.noun() + (k.aliases.size() > 2 ? " (" + k.aliases.get(2) + ")" : ""))
                .collect(Collectors.joining(", "))
            + ".");
  }
}
