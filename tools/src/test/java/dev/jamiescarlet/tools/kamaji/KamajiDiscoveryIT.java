package dev.jamiescarlet.tools.kamaji;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.MockServers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KamajiDiscoveryIT {
  private KubernetesMockServer management;
  private KubernetesMockServer tenantOne;
  private KubernetesMockServer tenantTwo;
  private KubernetesClient client;
  private KubeconfigClusterRegistry registry;

  @BeforeEach
  void startServers() {
    management = MockServers.crud();
    management.expectCustomResource(
        new CustomResourceDefinitionContext.Builder()
            .withGroup("kamaji.clastix.io")
            .withVersion("v1alpha1")
            .withKind("TenantControlPlane")
            .withPlural("tenantcontrolplanes")
            .withScope("Namespaced")
            .build());
    tenantOne = MockServers.crud();
    tenantTwo = MockServers.crud();
    client = management.createClient();
    Map<String, KubernetesClient> clients = new LinkedHashMap<>();
    clients.put("mgmt", client);
    registry = KubeconfigClusterRegistry.of(clients, "mgmt", "test");
  }

  @AfterEach
  void stopServers() {
    registry.close();
    // the registry only closes clients it handed out; the watch's connection must go too
    client.close();
    for (KubernetesMockServer server : List.of(management, tenantOne, tenantTwo)) {
      destroy(server);
    }
  }

  /** The mock waits for open watches on shutdown; one abandoned mid-handshake must not fail us. */
  private static void destroy(KubernetesMockServer server) {
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      org.slf4j.LoggerFactory.getLogger(KamajiDiscoveryIT.class)
          .warn("mock server did not shut down cleanly: {}", e.getMessage());
    }
  }

  @Test
  void tenantsFollowAddedModifiedAndDeletedControlPlanes() {
    // given a tenant that exists before discovery starts, with its secret named in the status
    secret("tenants", "tenant-a-admin", tenantOne.url("/"));
    client
        .genericKubernetesResources(TenantControlPlanes.CONTEXT)
        .inNamespace("tenants")
        .resource(tenant("tenant-a", "tenant-a-admin"))
        .create();

    try (KamajiDiscovery discovery = new KamajiDiscovery(client, "mgmt", registry).start()) {
      // then it is a cluster when start returns
      ClusterInfo a = registry.resolve("tenant-a");
      assertThat(a.source()).isEqualTo("kamaji (TenantControlPlane tenants/tenant-a on mgmt)");
      assertThat(registry.client("tenant-a").getMasterUrl().toString())
          .isEqualTo(tenantOne.url("/"));
      assertThat(discovery.tenants()).containsExactly("tenant-a");

      // when a tenant is added, with the conventional secret name
      secret("tenants", "tenant-b-admin-kubeconfig", tenantTwo.url("/"));
      client
          .genericKubernetesResources(TenantControlPlanes.CONTEXT)
          .inNamespace("tenants")
          .resource(tenant("tenant-b", null))
          .create();
      // then
      await(() -> names().contains("tenant-b"));
      assertThat(registry.client("tenant-b").getMasterUrl().toString())
          .isEqualTo(tenantTwo.url("/"));

      // when tenant-a's kubeconfig moves and its control plane changes
      KubernetesClient before = registry.client("tenant-a");
      secret("tenants", "tenant-a-admin", tenantTwo.url("/"));
      GenericKubernetesResource changed = tenant("tenant-a", "tenant-a-admin");
      changed.getMetadata().setLabels(Map.of("rotated", "yes"));
      client
          .genericKubernetesResources(TenantControlPlanes.CONTEXT)
          .inNamespace("tenants")
          .resource(changed)
          .update();
      // then the registry uses the new kubeconfig
      await(() -> registry.resolve("tenant-a").server().equals(tenantTwo.url("/")));
      assertThat(registry.client("tenant-a")).isNotSameAs(before);

      // when tenant-b is deleted
      client
          .genericKubernetesResources(TenantControlPlanes.CONTEXT)
          .inNamespace("tenants")
          .withName("tenant-b")
          .delete();
      // then
      await(() -> !names().contains("tenant-b"));
      assertThat(names()).containsExactly("mgmt", "tenant-a");
    }
  }

  @Test
  void tenantWithoutItsSecretIsSkippedAndConfiguredNamesAreKept() {
    // given a tenant still provisioning, and one named like the management cluster
    GenericKubernetesResource pending = tenant("pending", null);
    GenericKubernetesResource clash = tenant("mgmt", "mgmt-admin");
    secret("tenants", "mgmt-admin", tenantOne.url("/"));
    for (GenericKubernetesResource t : List.of(pending, clash)) {
      client
          .genericKubernetesResources(TenantControlPlanes.CONTEXT)
          .inNamespace("tenants")
          .resource(t)
          .create();
    }

    // when
    try (KamajiDiscovery discovery = new KamajiDiscovery(client, "mgmt", registry).start()) {
      // then neither replaces or adds a cluster
      assertThat(names()).containsExactly("mgmt");
      assertThat(registry.resolve("mgmt").source()).isEqualTo("test");
      assertThat(discovery.tenants()).isEmpty();
    }
  }

  private List<String> names() {
    return registry.clusters().stream().map(ClusterInfo::name).toList();
  }

  private void secret(String namespace, String name, String server) {
    String kubeconfig =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: tenant
          cluster:
            server: %s
        users:
        - name: admin
          user:
            token: secret-token
        contexts:
        - name: tenant
          context:
            cluster: tenant
            user: admin
            namespace: default
        current-context: tenant
        """
            .formatted(server);
    client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withMetadata(
                    new ObjectMetaBuilder().withName(name).withNamespace(namespace).build())
                .addToData(
                    TenantControlPlanes.ADMIN_CONF,
                    Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)))
                .build())
        .createOr(r -> r.update());
  }

  private static GenericKubernetesResource tenant(String name, String secretName) {
    GenericKubernetesResource tenant = new GenericKubernetesResource();
    tenant.setApiVersion("kamaji.clastix.io/v1alpha1");
    tenant.setKind("TenantControlPlane");
    tenant.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("tenants").build());
    if (secretName != null) {
      tenant.setAdditionalProperty(
          "status", Map.of("kubeconfig", Map.of("admin", Map.of("secretName", secretName))));
    }
    return tenant;
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 5_000;
    while (!condition.getAsBoolean()) {
      assertThat(System.currentTimeMillis()).as("waited 5 s").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
