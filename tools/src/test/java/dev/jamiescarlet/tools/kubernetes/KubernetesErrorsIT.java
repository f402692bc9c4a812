package dev.jamiescarlet.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesErrorsIT {

  @Test
  void closedPortIsUnreachableNamingTheCluster() throws IOException {
    // given
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url).build();
    try (var registry =
        KubeconfigClusterRegistry.of(
            Map.of("gone", KubeconfigClusterRegistry.create(config)), null, "test")) {
      var reads = new Fabric8KubernetesReads(registry, Clock.systemUTC());

      // when / then
      assertThatThrownBy(() -> reads.pods("gone", "shop", null))
          .isInstanceOfSatisfying(
              KubernetesToolException.class,
              e -> org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageStartingWith("cluster `gone` at " + url)
          .hasMessageContaining("is unreachable: connection refused");
    }
  }

  @Test
  void forbiddenUnauthorizedAndNotFoundAreNamed() {
    // given
    KubernetesMockServer server = new KubernetesMockServer(false);
    server.start();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage(
                    "pods is forbidden: User \"system:serviceaccount:jamie:bot\" cannot list resource \"pods\" in API group \"\" in the namespace \"shop\"")
                .build())
        .always();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/events")
        .andReturn(
            401,
            new StatusBuilder()
                .withCode(401)
                .withReason("Unauthorized")
                .withMessage("Unauthorized")
                .build())
        .always();
    server
        .expect()
        .get()
        .withPath("/apis/apps/v1/namespaces/nope/deployments")
        .andReturn(
            404,
            new StatusBuilder()
                .withCode(404)
                .withReason("NotFound")
                .withMessage("namespaces \"nope\" not found")
                .build())
        .always();
    try (var registry =
        KubeconfigClusterRegistry.of(Map.of("demo", server.createClient()), null, "mock")) {
      var reads = new Fabric8KubernetesReads(registry, Clock.systemUTC());

      // when / then
      assertThatThrownBy(() -> reads.pods(null, "shop", null))
          .isInstanceOfSatisfying(
              KubernetesToolException.class,
              e -> org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN))
          .hasMessageContaining("in namespace `shop` on cluster `demo`")
          .hasMessageContaining("cannot list resource \"pods\"");
      assertThatThrownBy(() -> reads.events(null, "shop", false))
          .isInstanceOfSatisfying(
              KubernetesToolException.class,
              e ->
                  org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
          .hasMessageContaining("check the kubeconfig");
      assertThatThrownBy(() -> reads.deployments(null, "nope"))
          .isInstanceOfSatisfying(
              KubernetesToolException.class,
              e -> org.assertj.core.api.Assertions.assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
          .hasMessage("deployments not found in namespace `nope` on cluster `demo`");
    } finally {
      server.destroy();
    }
  }
}
