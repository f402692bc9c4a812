package dev.jamiescarlet.tools.kamaji;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Kamaji's TenantControlPlane resource and where its admin kubeconfig lives. */
public final class TenantControlPlanes {
  /** kamaji.clastix.io/v1alpha1 TenantControlPlane, namespaced. */
  public static final ResourceDefinitionContext CONTEXT =
      new ResourceDefinitionContext.Builder()
          .withGroup("kamaji.clastix.io")
          .withVersion("v1alpha1")
          .withKind("TenantControlPlane")
          .withPlural("tenantcontrolplanes")
          .withNamespaced(true)
          .build();

  /** The key of the admin kubeconfig in its Secret. */
  public static final String ADMIN_CONF = "admin.conf";

  private TenantControlPlanes() {}

  /**
   * The Secret holding the tenant's admin kubeconfig: {@code status.kubeconfig.admin.secretName},
   * else Kamaji's naming convention {@code <name>-admin-kubeconfig}.
   */
  public static String adminSecretName(GenericKubernetesResource tenant) {
    Object name = tenant.get("status", "kubeconfig", "admin", "secretName");
    if (name instanceof String s && !s.isBlank()) {
      return s;
    }
    return tenant.getMetadata().getName() + "-admin-kubeconfig";
  }
}
