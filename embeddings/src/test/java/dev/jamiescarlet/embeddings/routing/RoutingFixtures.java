package dev.jamiescarlet.embeddings.routing;

import java.util.List;
import java.util.Map;

/**
 * The demo's clusters as an entity catalogue (names from the bot's sandbox Demo*.java), plus one
 * CronJob, {@code shop/cache-warmer}, which the demo lacks but suspend and resume need.
 */
final class RoutingFixtures {
  static final String CURRENT = "demo";

  private RoutingFixtures() {}

  static EntityCatalog demo() {
    Map<String, List<Workload>> workloads =
        Map.of(
            "demo",
            List.of(
                new Workload("Deployment", "checkout", "shop"),
                new Workload("Deployment", "payments", "shop"),
                new Workload("Deployment", "catalog", "shop"),
                new Workload("Deployment", "search", "shop"),
                new Workload("Deployment", "frontend", "shop"),
                new Workload("Deployment", "cart", "shop"),
                new Workload("CronJob", "cache-warmer", "shop"),
                new Workload("Deployment", "coredns", "kube-system"),
                new Workload("Deployment", "metrics-server", "kube-system"),
                new Workload("DaemonSet", "kube-proxy", "kube-system")),
            "tenant-a",
            List.of(new Workload("Deployment", "web", "shop")),
            "tenant-b",
            List.of(new Workload("Deployment", "web", "shop")));
    return new EntityCatalog() {
      @Override
      public List<String> clusters() {
        return List.of("demo", "tenant-a", "tenant-b");
      }

      @Override
      public List<String> namespaces(String cluster) {
        return cluster.equals("demo")
            ? List.of("shop", "kube-system", "default")
            : List.of("default", "kube-system", "shop");
      }

      @Override
      public List<Workload> workloads(String cluster) {
        return workloads.getOrDefault(cluster, List.of());
      }

      @Override
      public List<String> nodes(String cluster) {
        return switch (cluster) {
          case "demo" -> List.of("node-a", "node-b", "node-c");
          case "tenant-a" -> List.of("tenant-a-worker-0", "tenant-a-worker-1");
          default -> List.of("tenant-b-worker-0", "tenant-b-worker-1", "tenant-b-worker-2");
        };
      }

      @Override
      public List<Workload> failing(String cluster) {
        return workloads(cluster).stream()
            .filter(w -> List.of("checkout", "payments", "catalog", "search").contains(w.name()))
            .toList();
      }
    };
  }
}
