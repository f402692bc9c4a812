package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import java.util.List;
import java.util.Locale;

/** The workload kinds write actions restart or scale, with the names kubectl accepts. */
public enum WorkloadKind {
  DEPLOYMENT("deployment", "deployments", "deploy"),
  STATEFULSET("statefulset", "statefulsets", "sts"),
  DAEMONSET("daemonset", "daemonsets", "ds");

  private final List<String> aliases;

  WorkloadKind(String... aliases) {
    this.aliases = List.of(aliases);
  }

  /** Lower-case singular, e.g. deployment, as used in targets and messages. */
  public String noun() {
    return aliases.get(0);
  }

  /**
   * The kind for a name people type (singular, plural or short, any case).
   *
   * @throws KubernetesToolException INVALID_REQUEST listing the kinds that are accepted
   */
  public static WorkloadKind parse(String typed) {
    String wanted = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
    for (WorkloadKind k : values()) {
      if (k.aliases.contains(wanted)) {
        return k;
      }
    }
    throw new KubernetesToolException(
        Kind.INVALID_REQUEST,
        "`"
            + typed
            + "` is not a workload I can act on; use deployment, statefulset or daemonset.");
  }
}
