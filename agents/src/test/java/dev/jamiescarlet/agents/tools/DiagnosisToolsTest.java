package dev.jamiescarlet.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.DeploymentSummary;
import dev.jamiescarlet.tools.kubernetes.Description;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import dev.jamiescarlet.tools.kubernetes.LogRequest;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DiagnosisToolsTest {

  @Test
  void anAskerWhoMayNotListPodsGetsNoDiagnosisFromTheBotsRights() {
    // given an asker forbidden to list pods in shop, and a diagnoser with the bot's rights
    AtomicBoolean diagnosed = new AtomicBoolean();
    try (ClusterRegistry registry =
        KubeconfigClusterRegistry.of(
            Map.of(
                "demo",
                new KubernetesClientBuilder()
                    .withConfig(
                        new io.fabric8.kubernetes.client.ConfigBuilder()
                            .withMasterUrl("https://127.0.0.1:1")
                            .build())
                    .build()),
            "demo",
            "test")) {
      ToolContext ctx =
          new ToolContext(
              new ForbiddenReads(),
              registry,
              null,
              (c, n, t) -> {
                diagnosed.set(true);
                throw new AssertionError("must not diagnose");
              },
              null,
              List.of(),
              ToolContext.ALL_WRITE_VERBS,
              new Evidence(),
              new Proposals(),
              Contexts.CLOCK);

      // when
      String out = new DiagnosisTools(ctx).diagnoseNamespace("shop", null);

      // then
      assertThat(out)
          .startsWith("[E1] Error: ada may not list pods in shop")
          .contains("do not retry");
      assertThat(diagnosed).isFalse();
    }
  }

  /** Reads as a person whom RBAC forbids everything. */
  private static final class ForbiddenReads implements KubernetesReads {
    @Override
    public List<PodSummary> pods(String cluster, String namespace, String labelSelector) {
      throw new KubernetesToolException(Kind.FORBIDDEN, "ada may not list pods in " + namespace);
    }

    @Override
    public List<DeploymentSummary> deployments(String cluster, String namespace) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Description describe(String cluster, String namespace, String kind, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public LogResult logs(String cluster, String namespace, LogRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<EventSummary> events(String cluster, String namespace, boolean warningsOnly) {
      throw new UnsupportedOperationException();
    }
  }
}
