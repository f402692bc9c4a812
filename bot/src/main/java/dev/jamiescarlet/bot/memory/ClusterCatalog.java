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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What exists on the clusters, read as the person asking (so routing never offers names their RBAC
 * hides); each list is read once per catalogue and then kept, and a failed read means "nothing
 * known", never an error.
 */
final class ClusterCatalog implements EntityCatalog {
  /**
   * StatefulSets, DaemonSets and CronJobs are listed per namespace; past this, only Deployments.
   */
  static final int MAX_NAMESPACES_SCANNED = 25;

  private final ClusterRegistry registry;
  private final KubernetesReads reads;
  private final Map<String, Object> kept = new ConcurrentHashMap<>();

  ClusterCatalog(ClusterRegistry registry, KubernetesReads reads) {
    this.registry = registry;
    this.reads = reads;
  }

  // not computeIfAbsent: workloads() reads namespaces() inside its own read, and a
  // ConcurrentHashMap must not be updated from inside its mapping function
  @SuppressWarnings("unchecked")
  private <T> T once(String key, Supplier<T> read) {
    Object value = kept.get(key);
    if (value == null) {
      value = read.get();
      Object earlier = kept.putIfAbsent(key, value);
      if (earlier != null) {
        value = earlier;
      }
    }
    return (T) value;
  }

  @Override
  public List<String> clusters() {
    return once("clusters", () -> registry.clusters().stream().map(ClusterInfo::name).toList());
  }

  @Override
  public List<String> namespaces(String cluster) {
    return once("ns|" + cluster, () -> reads.names(cluster, null, "namespace"));
  }

  @Override
  public List<Workload> workloads(String cluster) {
    return once("workloads|" + cluster, () -> readWorkloads(cluster));
  }

  private List<Workload> readWorkloads(String cluster) {
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
    return once("nodes|" + cluster, () -> reads.names(cluster, null, "node"));
  }

  @Override
  public List<Workload> failing(String cluster) {
    return deployments(cluster).stream()
        .filter(d -> d.health() == Health.FAILING || d.health() == Health.PENDING)
        .map(d -> new Workload("deploy", d.name(), d.namespace()))
        .toList();
  }

  /**
   * All namespaces' Deployments, read once: both the workloads and the failing ones come from it.
   */
  private List<DeploymentSummary> deployments(String cluster) {
    return once(
        "deployments|" + cluster,
        () -> {
          try {
            return reads.deployments(cluster, null);
          } catch (KubernetesToolException e) {
            return List.<DeploymentSummary>of();
          }
        });
  }
}
