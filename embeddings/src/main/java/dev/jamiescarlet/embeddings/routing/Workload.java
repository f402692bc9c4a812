package dev.jamiescarlet.embeddings.routing;

import java.util.Locale;

/**
 * A named workload on a cluster: kind (Deployment, deploy, StatefulSet, CronJob…), name, namespace.
 */
public record Workload(String kind, String name, String namespace) {
  /**
   * The command-line reference, e.g. {@code deploy/checkout}, {@code sts/db}, {@code
   * cronjob/backup}.
   */
  public String ref() {
    return shortKind() + "/" + name;
  }

  /** True for a CronJob, the only kind {@code suspend} and {@code resume} take. */
  public boolean cronJob() {
    return shortKind().equals("cronjob");
  }

  /** The kind as the bot's grammar spells it. */
  public String shortKind() {
    String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
    return switch (k) {
      case "deployment", "deployments", "deploy", "" -> "deploy";
      case "statefulset", "statefulsets", "sts" -> "sts";
      case "daemonset", "daemonsets", "ds" -> "ds";
      case "cronjob", "cronjobs", "cj" -> "cronjob";
      default -> k;
    };
  }
}
