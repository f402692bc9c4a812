package dev.jamiescarlet.bot.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.embeddings.routing.Workload;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.DeploymentSummary;
import dev.jamiescarlet.tools.kubernetes.Health;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterCatalogTest {
  private final List<String> reads = new ArrayList<>();

  private final KubernetesReads kubernetes =
      (KubernetesReads)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {KubernetesReads.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "deployments" -> {
                    reads.add("deployments");
                    return List.of(
                        deployment("checkout", Health.FAILING),
                        deployment("frontend", Health.HEALTHY));
                  }
                  case "names" -> {
                    reads.add("names " + args[2] + " " + args[1]);
                    return "namespace".equals(args[2]) ? List.of("shop") : List.of();
                  }
                  case "as" -> {
                    return proxy;
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                }
              });

  private static DeploymentSummary deployment(String name, Health health) {
    return new DeploymentSummary(name, "shop", 1, 0, 1, 0, Duration.ZERO, "img", health, null);
  }

  private final ClusterRegistry registry =
      new ClusterRegistry() {
        @Override
        public List<ClusterInfo> clusters() {
          return List.of();
        }

        @Override
        public ClusterInfo resolve(String name) {
          throw new UnsupportedOperationException();
        }

        @Override
        public KubernetesClient client(String name) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
      };

  @Test
  void oneRoutingReadsEachListOnce() {
    // given a fresh catalogue
    ClusterCatalog catalog = new ClusterCatalog(registry, kubernetes);

    // when the router asks for everything, some of it twice
    List<Workload> workloads = catalog.workloads("demo");
    List<Workload> failing = catalog.failing("demo");
    catalog.namespaces("demo");
    catalog.workloads("demo");

    // then the deployments and namespaces were each read once
    assertThat(workloads).extracting(Workload::name).containsExactly("checkout", "frontend");
    assertThat(failing).extracting(Workload::name).containsExactly("checkout");
    assertThat(reads).filteredOn("deployments"::equals).hasSize(1);
    assertThat(reads).filteredOn("names namespace null"::equals).hasSize(1);
  }
}
