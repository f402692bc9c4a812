package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.kubernetes.ClusterHealth;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClustersCommandTest {

  /** Three clusters: one healthy, one down, one that never answers. */
  private static final class Registry implements ClusterRegistry {
    private final List<ClusterInfo> clusters;

    Registry(List<ClusterInfo> clusters) {
      this.clusters = clusters;
    }

    @Override
    public List<ClusterInfo> clusters() {
      return clusters;
    }

    @Override
    public ClusterInfo resolve(String name) {
      return clusters.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Override
    public KubernetesClient client(String name) {
      throw new UnsupportedOperationException("health is answered directly");
    }

    @Override
    public ClusterHealth health(String cluster) {
      return switch (cluster) {
        case "demo" -> new ClusterHealth(cluster, true, "v1.31.0", 3, 3, 12, null);
        case "tenant-a" -> new ClusterHealth(cluster, true, "v1.30.2", 3, 2, 40, null);
        case "tenant-b" -> new ClusterHealth(cluster, true, "v1.30.2", -1, -1, 7, "forbidden");
        case "hangs" -> {
          try {
            Thread.sleep(10_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          yield ClusterHealth.unreachable(cluster, "late");
        }
        default -> ClusterHealth.unreachable(cluster, "connection refused");
      };
    }

    @Override
    public void close() {}
  }

  private static Message run(ClusterRegistry registry, Duration timeout) {
    CommandContext context =
        new CommandContext(
            "U0ADA",
            "C0SHOP",
            null,
            registry,
            null,
            Commands.standard(),
            Clock.systemUTC(),
            null,
            null);
    return new CommandRunner(new Commands(List.of(new ClustersCommand(timeout))))
        .run("clusters", context);
  }

  private static String allText(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void eachClusterShowsItsHealthAndOneDownClusterDoesNotHoldUpTheOthers() {
    // given
    Registry registry =
        new Registry(
            List.of(
                new ClusterInfo("demo", "http://127.0.0.1:1/", "demo", "shop", true),
                new ClusterInfo(
                    "tenant-a",
                    "http://127.0.0.1:2/",
                    "kamaji (TenantControlPlane tenants/tenant-a on demo)",
                    "default",
                    false),
                new ClusterInfo("tenant-b", "http://127.0.0.1:3/", "kamaji", "default", false),
                new ClusterInfo("down", "http://127.0.0.1:4/", "kubeconfig", "default", false),
                new ClusterInfo("hangs", "http://127.0.0.1:5/", "kubeconfig", "default", false)));

    // when
    long start = System.nanoTime();
    Message m = run(registry, Duration.ofMillis(300));
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then
    String text = allText(m);
    assertThat(m.text()).isEqualTo("5 clusters");
    assertThat(text)
        .contains("*demo* (default) · :large_green_circle: v1.31.0 · 3/3 nodes ready · 12 ms")
        .contains("*tenant-a* · :large_yellow_circle: v1.30.2 · 2/3 nodes ready · 40 ms")
        .contains("kamaji (TenantControlPlane tenants/tenant-a on demo) · namespace `default`")
        .contains("nodes unknown (forbidden)")
        .contains("*down* · :red_circle: unreachable: connection refused")
        .contains("*hangs* · :red_circle: no answer within 0.3 s")
        .contains("default: `demo`");
    assertThat(millis).isLessThan(5_000);
  }

  @Test
  void noClustersSaysHowToAddOne() {
    Message m = run(new Registry(List.of()), Duration.ofSeconds(1));
    assertThat(allText(m)).contains("KUBECONFIG");
  }

  @Test
  void withoutADefaultTheHintSaysToNameOne() {
    Registry registry =
        new Registry(List.of(new ClusterInfo("down", null, "kubeconfig", null, false)));
    Message m = run(registry, Duration.ofSeconds(1));
    assertThat(m.text()).isEqualTo("1 cluster");
    assertThat(allText(m)).contains("No default cluster", "namespace `default`");
  }
}
