package dev.jamiescarlet.tools.kamaji;

import dev.jamiescarlet.tools.kubernetes.DynamicClusters;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds every Kamaji TenantControlPlane on a management cluster to the registry as a cluster of its
 * own, reached with the tenant's admin kubeconfig, and keeps the registry current from watch
 * events.
 */
public final class KamajiDiscovery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KamajiDiscovery.class);

  /** What was registered for a tenant, so a status-only change does not replace its client. */
  private record Known(String owner, String kubeconfig) {}

  private final KubernetesClient management;
  private final String managementName;
  private final DynamicClusters registry;
  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private SharedIndexInformer<GenericKubernetesResource> informer;

  /**
   * @param management client of the management cluster, where the TenantControlPlanes live
   * @param managementName its name in the registry, shown in each tenant's source
   * @param registry where tenants are added and removed
   */
  public KamajiDiscovery(
      KubernetesClient management, String managementName, DynamicClusters registry) {
    this.management = management;
    this.managementName = managementName;
    this.registry = registry;
  }

  /**
   * Lists the tenants and registers them before returning, then watches for changes.
   *
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the tenants cannot be
   *     listed, e.g. Kamaji is not installed (404) or the bot may not list them (403)
   */
  public KamajiDiscovery start() {
    var tenants =
        management.genericKubernetesResources(TenantControlPlanes.CONTEXT).inAnyNamespace();
    // the first list is applied here, so tenants are known when start returns
    tenants.list().getItems().forEach(this::apply);
    informer =
        tenants.inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(GenericKubernetesResource tenant) {
                apply(tenant);
              }

              @Override
              public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource now) {
                apply(now);
              }

              @Override
              public void onDelete(GenericKubernetesResource tenant, boolean unknownFinalState) {
                forget(tenant);
              }
            });
    return this;
  }

  /** The tenants registered now, by cluster name. */
  public java.util.Set<String> tenants() {
    return java.util.Set.copyOf(known.keySet());
  }

  /** Registers or refreshes one tenant; a tenant without its kubeconfig yet is skipped. */
  void apply(GenericKubernetesResource tenant) {
    String name = tenant.getMetadata().getName();
    String namespace = tenant.getMetadata().getNamespace();
    String owner = namespace + "/" + name;
    Known previous = known.get(name);
    if (previous != null && !previous.owner().equals(owner)) {
      LOG.warn(
          "TenantControlPlane {} has the same name as {}; only the first is a cluster. Rename one.",
          owner,
          previous.owner());
      return;
    }
    String kubeconfig = adminKubeconfig(tenant);
    if (kubeconfig == null) {
      return;
    }
    if (previous != null && previous.kubeconfig().equals(kubeconfig)) {
      return; // status churn: same credentials, keep the client
    }
    Config config;
    try {
      config = Config.fromKubeconfig(kubeconfig);
    } catch (RuntimeException e) {
      LOG.warn(
          "The admin kubeconfig of TenantControlPlane {} could not be read ({}); skipping it.",
          owner,
          e.getMessage());
      return;
    }
    String source = "kamaji (TenantControlPlane " + owner + " on " + managementName + ")";
    if (registry.put(name, source, config)) {
      known.put(name, new Known(owner, kubeconfig));
      LOG.info("Cluster `{}` from {}", name, source);
    }
  }

  /** Removes a deleted tenant, unless it was never ours. */
  void forget(GenericKubernetesResource tenant) {
    String name = tenant.getMetadata().getName();
    String owner = tenant.getMetadata().getNamespace() + "/" + name;
    Known previous = known.get(name);
    if (previous != null && previous.owner().equals(owner)) {
      known.remove(name);
      registry.remove(name);
      LOG.info("Cluster `{}` removed: TenantControlPlane {} was deleted", name, owner);
    }
  }

  private String adminKubeconfig(GenericKubernetesResource tenant) {
    String namespace = tenant.getMetadata().getNamespace();
    String secretName = TenantControlPlanes.adminSecretName(tenant);
    Secret secret;
    try {
      secret = management.secrets().inNamespace(namespace).withName(secretName).get();
    } catch (RuntimeException e) {
      LOG.warn(
          "Cannot read Secret {}/{} for TenantControlPlane {} ({}); the bot needs `get` on"
              + " secrets in that namespace.",
          namespace,
          secretName,
          tenant.getMetadata().getName(),
          e.getMessage());
      return null;
    }
    String encoded =
        secret == null || secret.getData() == null
            ? null
            : secret.getData().get(TenantControlPlanes.ADMIN_CONF);
    if (encoded == null) {
      LOG.info(
          "TenantControlPlane {}/{} has no `{}` in Secret {} yet; skipping it until it changes.",
          namespace,
          tenant.getMetadata().getName(),
          TenantControlPlanes.ADMIN_CONF,
          secretName);
      return null;
    }
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  /** Stops watching; registered tenants stay until the registry closes. */
  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
  }

  @Override
  public String toString() {
    return "KamajiDiscovery[" + Objects.toString(managementName) + "]";
  }
}
