package dev.jamiescarlet.bot.sandbox;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;

import dev.jamiescarlet.bot.sandbox.DemoObjects.App;
import dev.jamiescarlet.tools.kamaji.TenantControlPlanes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Two Kamaji tenant clusters for the demo: each its own small mock API server, published on the
 * management cluster as a TenantControlPlane plus its admin kubeconfig Secret.
 */
public final class DemoTenants implements AutoCloseable {
  /** The tenants' names, which become their cluster names. */
  public static final List<String> NAMES = List.of("tenant-a", "tenant-b");

  /** Where the TenantControlPlanes live on the management cluster. */
  static final String NAMESPACE = "tenants";

  private final Map<String, DemoCluster> tenants;

  private DemoTenants(Map<String, DemoCluster> tenants) {
    this.tenants = tenants;
  }

  /** Starts the tenant API servers in parallel. */
  public static DemoTenants start(Clock clock) {
    Map<String, CompletableFuture<DemoCluster>> starting = new LinkedHashMap<>();
    for (String name : NAMES) {
      int nodes = name.equals("tenant-a") ? 2 : 3;
      starting.put(
          name,
          CompletableFuture.supplyAsync(
              () -> DemoCluster.start(clock, (o, logs) -> seed(o, name, nodes), "default"),
              r -> Thread.ofVirtual().name("tenant-start-" + name).start(r)));
    }
    Map<String, DemoCluster> started = new LinkedHashMap<>();
    RuntimeException failure = null;
    for (var entry : starting.entrySet()) {
      try {
        started.put(entry.getKey(), entry.getValue().join());
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    DemoTenants tenants = new DemoTenants(started);
    if (failure != null) {
      tenants.close();
      throw failure;
    }
    return tenants;
  }

  /** The tenant's cluster. */
  public DemoCluster tenant(String name) {
    return tenants.get(name);
  }

  /**
   * Stores each tenant's admin kubeconfig Secret and TenantControlPlane on the management cluster,
   * in-process: no HTTP on the start-up path.
   */
  public void publish(DemoCluster management) {
    management.store(
        "/api/v1/namespaces",
        new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build());
    for (var entry : tenants.entrySet()) {
      String name = entry.getKey();
      String secretName = name + "-admin-kubeconfig";
      String kubeconfig = kubeconfig(name, entry.getValue().url());
      management.store(
          "/api/v1/namespaces/" + NAMESPACE + "/secrets",
          new SecretBuilder()
              .withMetadata(
                  new ObjectMetaBuilder().withName(secretName).withNamespace(NAMESPACE).build())
              .addToData(
                  TenantControlPlanes.ADMIN_CONF,
                  Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)))
              .build());
      GenericKubernetesResource tenant = new GenericKubernetesResource();
      tenant.setApiVersion("kamaji.clastix.io/v1alpha1");
      tenant.setKind("TenantControlPlane");
      tenant.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
      tenant.setAdditionalProperty(
          "spec",
          Map.of(
              "kubernetes",
              Map.of("version", DemoCluster.VERSION),
              "controlPlane",
              Map.of("deployment", Map.of("replicas", 2))));
      tenant.setAdditionalProperty(
          "status",
          Map.of(
              "kubernetesResources",
              Map.of("version", Map.of("status", "Ready", "version", DemoCluster.VERSION)),
              "kubeconfig",
              Map.of("admin", Map.of("secretName", secretName))));
      management.store(
          "/apis/kamaji.clastix.io/v1alpha1/namespaces/" + NAMESPACE + "/tenantcontrolplanes",
          tenant);
    }
  }

  @Override
  public void close() {
    tenants.values().forEach(DemoCluster::close);
  }

  private static String kubeconfig(String name, String url) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: {name}
          cluster:
            server: {url}
        users:
        - name: {name}-admin
          user:
            token: demo-{name}
        contexts:
        - name: {name}
          context:
            cluster: {name}
            user: {name}-admin
            namespace: default
        current-context: {name}
        """
        .replace("{name}", name)
        .replace("{url}", url);
  }

  /** A small healthy tenant: nodes all Ready and one web deployment with its pods running. */
  private static void seed(DemoObjects o, String tenant, int nodes) {
    for (String ns : List.of("default", "kube-system")) {
      o.objects()
          .add(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(ns)
                  .withCreationTimestamp(o.ago(ofDays(30)))
                  .endMetadata()
                  .withNewStatus()
                  .withPhase("Active")
                  .endStatus()
                  .build());
    }
    for (int i = 0; i < nodes; i++) {
      o.objects()
          .add(
              new NodeBuilder()
                  .withNewMetadata()
                  .withName(tenant + "-worker-" + i)
                  .withCreationTimestamp(o.ago(ofDays(30)))
                  .endMetadata()
                  .withNewStatus()
                  .addNewCondition()
                  .withType("Ready")
                  .withStatus("True")
                  .withReason("KubeletReady")
                  .endCondition()
                  .endStatus()
                  .build());
    }
    App web =
        o.deployment(
            // the shop team's production tenant: Ada may ask, someone else must confirm
            "shop",
            "web",
            "nginx:1.27.3",
            "7f9c6d5b8d",
            2,
            2,
            ofDays(4),
            DemoObjects.resources("50m", "64Mi", null, "128Mi"));
    String[] suffixes = {"x2v7k", "m9q4t"};
    for (int i = 0; i < suffixes.length; i++) {
      o.pod(
          web,
          suffixes[i],
          tenant + "-worker-" + (i % nodes),
          ofHours(20),
          o.running(web, ofHours(20), "10.50." + i + ".10", 0));
    }
  }
}
