package dev.jamiescarlet.bot.memory;

import dev.jamiescarlet.embeddings.routing.EntityCatalog;
import dev.jamiescarlet.embeddings.routing.Workload;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.DeploymentSummary;
import dev.jamiescarlet.tools.kubernetes.Health;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.util.ArrayList;
import java.util.List;

/**
 * What exists on the clusters, read as the person asking (so routing never offers names their RBAC
 * hides); a failed read means "nothing known", never an error.
 */
final class ClusterCatalog implements EntityCatalog {
  /**
   * StatefulSets, DaemonSets and CronJobs are listed per namespace; past this, only Deployments.
   */
  static final int MAX_NAMESPACES_SCANNED = 25;

  private final ClusterRegistry registry;
  private final KubernetesReads reads;

  ClusterCatalog(ClusterRegistry registry, KubernetesReads reads) {
    this.registry = registry;
    this.reads = reads;
  }

  @Override
  public List<String> clusters() {
    return registry.clusters().stream().map(ClusterInfo::name).toList();
  }

  @Override
  public List<String> namespaces(String cluster) {
    return reads.names(cluster, null, "namespace");
  }

  @Override
  public List<Workload> workloads(String cluster) {
    List<Workload> all = new ArrayList<>();
    deployments(cluster).forEach(d -> all.add(new Workload("deploy", d.name(), d.namespace())));
    List<String> namespaces = namespaces(cluster);
    if (namespaces.size() <= MAX_NAMESPACES_SCANNED) {
      for (String ns : namespaces) {
        for (String kind : List.of("sts", "ds", "cronjob")) {
          reads.names(cluster, ns, kind).forEach(n -> all.add(new Workload(kind, n, ns)));
        }
      }
    }
    return all;
  }

  @Override
  public List<String> nodes(String cluster) {
    return reads.names(cluster, null, "node");
  }

  @Override
  public List<Workload> failing(String cluster) {
    return deployments(cluster).stream()
        .filter(d -> d.health() == Health.FAILING || d.health() == Health.PENDING)
        .map(d -> new Workload("deploy", d.name(), d.namespace()))
        .toList();
  }

  private List<DeploymentSummary> deployments(String cluster) {
    try {
      return reads.deployments(cluster, null);
    } catch (KubernetesToolException e) {
      return List.of();
    }
  }
}
