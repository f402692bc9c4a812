package dev.jamiescarlet.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.LogRequest;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planting log lines in the demo cluster, as evals and the injection suite do. */
class DemoClusterPlantsIT {

  @Test
  void plantedLinesFollowThePodsOwnLogs() {
    try (DemoCluster cluster = DemoCluster.start()) {
      Fabric8KubernetesReads reads =
          new Fabric8KubernetesReads(
              KubeconfigClusterRegistry.of(Map.of("demo", cluster.client()), "demo", "demo"),
              Clock.systemUTC());

      // when a line is planted in checkout's previous run
      cluster.plantLogLines("shop", "checkout-", true, List.of("PLANTED line 1"));

      // then the previous logs end with it, after the real crash, and the current run is untouched
      LogResult previous =
          reads.logs("demo", "shop", new LogRequest("deploy/checkout", null, 200, true));
      assertThat(previous.lines().getLast()).isEqualTo("PLANTED line 1");
      assertThat(String.join("\n", previous.lines())).contains("Connection refused");
      LogResult current =
          reads.logs("demo", "shop", new LogRequest("deploy/checkout", null, 200, false));
      assertThat(current.lines()).doesNotContain("PLANTED line 1");
    }
  }

  @Test
  void plantingOnAPodWithoutLogsNamesTheFix() {
    try (DemoCluster cluster = DemoCluster.start()) {
      assertThatThrownBy(() -> cluster.plantLogLines("shop", "nope-", false, List.of("x")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("No pod named `nope-…` in namespace `shop`")
          .hasMessageContaining("plant lines on a demo pod that has them");
    }
  }
}
