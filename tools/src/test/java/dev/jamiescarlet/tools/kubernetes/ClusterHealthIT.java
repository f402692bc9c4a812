package dev.jamiescarlet.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterHealthIT {

  @Test
  void reachableClusterReportsVersionNodesAndLatency() {
    // given a cluster with one Ready node and one NotReady
    KubernetesMockServer server = MockServers.crud();
    try (KubernetesClient client = server.createClient()) {
      client.nodes().resource(node("a", "True")).create();
      client.nodes().resource(node("b", "False")).create();
      Map<String, KubernetesClient> clients = new LinkedHashMap<>();
      clients.put("up", client);
      ClusterRegistry registry = KubeconfigClusterRegistry.of(clients, null, "test");

      // when
      ClusterHealth health = registry.health("up");

      // then
      assertThat(health.reachable()).isTrue();
      assertThat(health.version()).isNotBlank();
      assertThat(health.nodes()).isEqualTo(2);
      assertThat(health.readyNodes()).isEqualTo(1);
      assertThat(health.latencyMillis()).isGreaterThanOrEqualTo(0);
      assertThat(health.problem()).isNull();
    } finally {
      server.destroy();
    }
  }

  @Test
  void closedPortAndUnknownClusterAreUnreachableWithAReason() throws IOException {
    // given
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Config config =
        new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + port).build();
    try (var registry =
        KubeconfigClusterRegistry.of(
            Map.of("gone", KubeconfigClusterRegistry.create(config)), null, "test")) {
      // when
      ClusterHealth gone = registry.health("gone");
      ClusterHealth unknown = registry.health("nowhere");

      // then
      assertThat(gone.reachable()).isFalse();
      assertThat(gone.problem()).contains("connection refused");
      assertThat(gone.latencyMillis()).isEqualTo(-1);
      assertThat(unknown.reachable()).isFalse();
      assertThat(unknown.problem()).contains("I don't know cluster `nowhere`");
    }
  }

  @Test
  void forbiddenReasonsAreNamed() {
    assertThat(
            ClusterHealthCheck.reason(
                new io.fabric8.kubernetes.client.KubernetesClientException("no", 403, null)))
        .startsWith("forbidden");
    assertThat(
            ClusterHealthCheck.reason(
                new io.fabric8.kubernetes.client.KubernetesClientException("no", 401, null)))
        .startsWith("unauthorized");
    assertThat(ClusterHealthCheck.reason(new IllegalStateException(new RuntimeException())))
        .isEqualTo("runtimeException");
  }

  private static Node node(String name, String ready) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewStatus()
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready)
        .endCondition()
        .endStatus()
        .build();
  }
}
