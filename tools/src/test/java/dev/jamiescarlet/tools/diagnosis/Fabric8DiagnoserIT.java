package dev.jamiescarlet.tools.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Fabric8DiagnoserIT {
  private static KubernetesMockServer server;
  private static KubeconfigClusterRegistry registry;
  private static Fabric8Diagnoser diagnoser;

  @BeforeAll
  static void start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.start();
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/shop/pods/checkout-abc-a/log?pretty=false&container=checkout&previous=true&tailLines=100")
        .andReturn(
            200, "starting\njava.net.ConnectException: Connection refused\n\tat x.y(Z.java:1)\n")
        .always();
    KubernetesClient client = server.createClient();
    registry = KubeconfigClusterRegistry.of(Map.of("mock", client), "mock", "mock");
    diagnoser = new Fabric8Diagnoser(registry, Clock.systemUTC());
    client.apps().deployments().resource(Fixtures.deployment("checkout", 1, 0)).create();
    client.apps().replicaSets().resource(Fixtures.replicaSet("checkout")).create();
    client
        .pods()
        .resource(
            Fixtures.pod(
                "checkout", "a", Fixtures.waiting("checkout", "CrashLoopBackOff", 1, "Error")))
        .create();
    client.apps().deployments().resource(Fixtures.deployment("web", 1, 1)).create();
    client.apps().replicaSets().resource(Fixtures.replicaSet("web")).create();
    client.pods().resource(Fixtures.pod("web", "a", Fixtures.running("web"))).create();
    client
        .pods()
        .inNamespace("other")
        .resource(
            new io.fabric8.kubernetes.api.model.PodBuilder(
                    Fixtures.pod(
                        "job", "a", Fixtures.waiting("job", "ImagePullBackOff", null, null)))
                .editMetadata()
                .withNamespace("other")
                .withOwnerReferences(List.<io.fabric8.kubernetes.api.model.OwnerReference>of())
                .endMetadata()
                .build())
        .create();
  }

  @AfterAll
  static void stop() {
    registry.close();
    server.destroy();
  }

  @Test
  void diagnosesANamespaceFromOneSnapshot() {
    // when
    Diagnosis d = diagnoser.diagnose("mock", "shop", null);

    // then checkout crash-loops, with its previous log lines (stack frames dropped); web is fine
    assertThat(d.cluster()).isEqualTo("mock");
    assertThat(d.podsChecked()).isEqualTo(2);
    assertThat(d.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("checkout is crash-looping");
              assertThat(f.evidence())
                  .contains("last exit code 1 (Error)", "0/1 replicas available");
              assertThat(f.evidence())
                  .contains("  java.net.ConnectException: Connection refused")
                  .noneMatch(l -> l.contains("Z.java"));
              assertThat(f.likelyCause()).contains("refuses connections");
            });
  }

  @Test
  void allNamespacesAndOneTarget() {
    assertThat(diagnoser.diagnose("mock", null, null).findings())
        .extracting(f -> f.object().ref())
        .containsExactlyInAnyOrder("deploy/checkout", "pod/job-abc-a");
    assertThat(diagnoser.diagnose("mock", "shop", "deploy/web").healthy()).isTrue();
    assertThat(diagnoser.diagnose("mock", "shop", "deploy/checkout").findings()).hasSize(1);
  }

  @Test
  void unknownClustersAndUnreachableOnesComeBackReadable() {
    assertThatThrownBy(() -> diagnoser.diagnose("nope", "shop", null))
        .isInstanceOf(KubernetesToolException.class)
        .hasMessageContaining("I don't know cluster `nope`");
    KubernetesClient dead =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:1")
                    .withRequestTimeout(2000)
                    .withConnectionTimeout(2000)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build();
    try (var deadRegistry = KubeconfigClusterRegistry.of(Map.of("dead", dead), "dead", "test")) {
      assertThatThrownBy(
              () ->
                  new Fabric8Diagnoser(deadRegistry, Clock.systemUTC())
                      .diagnose(null, "shop", null))
          .isInstanceOf(KubernetesToolException.class)
          .hasMessageContaining("cluster `dead`")
          .hasMessageContaining("unreachable");
    }
  }
}
