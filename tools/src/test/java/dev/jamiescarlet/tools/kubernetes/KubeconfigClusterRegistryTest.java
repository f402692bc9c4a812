package dev.jamiescarlet.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigClusterRegistryTest {
  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      current-context: prod-eu
      clusters:
      - name: eu
        cluster:
          server: https://eu.example.test:6443
      - name: dev
        cluster:
          server: https://dev.example.test:6443
      contexts:
      - name: demo
        context:
          cluster: dev
          user: me
          namespace: shop
      - name: prod-eu
        context:
          cluster: eu
          user: me
      users:
      - name: me
        user:
          token: not-a-real-token
      """;

  @TempDir Path dir;

  @Test
  void oneClusterPerContextWithCurrentContextAsDefault() throws IOException {
    // given
    Path kubeconfig = write("config", KUBECONFIG);

    // when
    try (KubeconfigClusterRegistry registry =
        KubeconfigClusterRegistry.fromEnvironment(
            null, null, Map.of("KUBECONFIG", kubeconfig.toString()), dir, dir.resolve("none"))) {

      // then
      assertThat(registry.clusters())
          .extracting(ClusterInfo::name)
          .containsExactly("prod-eu", "demo");
      ClusterInfo prod = registry.resolve(null);
      assertThat(prod.isDefault()).isTrue();
      assertThat(prod.server()).isEqualTo("https://eu.example.test:6443");
      assertThat(prod.defaultNamespace()).isEqualTo("default");
      assertThat(registry.resolve("demo").defaultNamespace()).isEqualTo("shop");
      KubernetesClient client = registry.client("demo");
      assertThat(client.getMasterUrl().toString()).startsWith("https://dev.example.test:6443");
      assertThat(client.getConfiguration().getRequestTimeout()).isEqualTo(10_000);
      assertThat(registry.client("demo")).isSameAs(client);
    }
  }

  @Test
  void unknownClusterSuggestsTheClosestName() throws IOException {
    // given
    Path kubeconfig = write("config", KUBECONFIG);

    try (KubeconfigClusterRegistry registry =
        KubeconfigClusterRegistry.fromEnvironment(kubeconfig.toString(), "demo")) {
      // when / then
      assertThat(registry.resolve(null).name()).isEqualTo("demo");
      assertThatThrownBy(() -> registry.resolve("prod-ue"))
          .isInstanceOfSatisfying(
              KubernetesToolException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_CLUSTER))
          .hasMessage(
              "I don't know cluster `prod-ue`. Known clusters: `demo`, `prod-eu`. Did you mean"
                  + " `prod-eu`?");
    }
  }

  @Test
  void badDefaultNamesTheKnownClusters() throws IOException {
    // given
    Path kubeconfig = write("config", KUBECONFIG);

    // when / then
    assertThatThrownBy(
            () -> KubeconfigClusterRegistry.fromEnvironment(kubeconfig.toString(), "prod"))
        .hasMessageContaining("`prod` is not a known cluster")
        .hasMessageContaining("`demo`, `prod-eu`");
  }

  @Test
  void noClustersStartsButExplainsHowToConfigureOne() {
    // given
    try (KubeconfigClusterRegistry registry =
        KubeconfigClusterRegistry.fromEnvironment(null, null, Map.of(), dir, dir.resolve("none"))) {

      // when / then
      assertThat(registry.clusters()).isEmpty();
      assertThatThrownBy(() -> registry.client(null))
          .hasMessageContaining("Set KUBECONFIG")
          .hasMessageContaining("service account");
    }
  }

  @Test
  void inClusterServiceAccountIsTheDefaultWithoutKubeconfig() throws IOException {
    // given
    Path sa = Files.createDirectories(dir.resolve("sa"));
    Files.writeString(sa.resolve("token"), "token-from-file", StandardCharsets.UTF_8);
    Files.writeString(sa.resolve("namespace"), "jamie\n", StandardCharsets.UTF_8);
    Map<String, String> env =
        Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443");

    // when
    try (KubeconfigClusterRegistry registry =
        KubeconfigClusterRegistry.fromEnvironment(null, null, env, dir, sa)) {

      // then
      ClusterInfo info = registry.resolve(null);
      assertThat(info.name()).isEqualTo("in-cluster");
      assertThat(info.server()).isEqualTo("https://10.0.0.1:443");
      assertThat(info.defaultNamespace()).isEqualTo("jamie");
      assertThat(registry.client(null).getConfiguration().getOauthTokenProvider().getToken())
          .isEqualTo("token-from-file");
    }
  }

  @Test
  void missingExplicitKubeconfigNamesTheFile() {
    // when / then
    assertThatThrownBy(() -> KubeconfigClusterRegistry.fromEnvironment("/nope/config", null))
        .hasMessageContaining("/nope/config")
        .hasMessageContaining("does not exist");
  }

  @Test
  void closestNameIgnoresFarNames() {
    // when / then
    assertThat(ClosestName.to("prod-ue", java.util.List.of("demo", "prod-eu"))).contains("prod-eu");
    assertThat(ClosestName.to("staging", java.util.List.of("demo", "prod-eu"))).isEmpty();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
