package dev.jamiescarlet.embeddings.routing;

import java.util.List;

/**
 * What exists on the clusters, so names in a message resolve to real ones; the bot implements it
 * over its cluster reads (ideally cached for a few seconds).
 */
public interface EntityCatalog {
  /** Names of all clusters the user can address. */
  List<String> clusters();

  /** Namespaces on one cluster. */
  List<String> namespaces(String cluster);

  /** Workloads (Deployments, StatefulSets, DaemonSets, CronJobs) on one cluster. */
  List<Workload> workloads(String cluster);

  /** Node names on one cluster, for {@code cordon} and {@code uncordon}. */
  default List<String> nodes(String cluster) {
    return List.of();
  }

  /** Workloads that are failing now, offered first when a message names none. */
  default List<Workload> failing(String cluster) {
    return List.of();
  }

  /** A catalogue that knows nothing: no names resolve. */
  static EntityCatalog empty() {
    return new EntityCatalog() {
      @Override
      public List<String> clusters() {
        return List.of();
      }

      @Override
      public List<String> namespaces(String cluster) {
        return List.of();
      }

      @Override
      public List<Workload> workloads(String cluster) {
        return List.of();
      }
    };
  }
}
