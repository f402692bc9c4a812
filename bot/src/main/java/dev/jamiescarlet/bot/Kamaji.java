package dev.jamiescarlet.bot;

import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.http.StartupException;
import dev.jamiescarlet.tools.kamaji.KamajiDiscovery;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.DynamicClusters;
import org.slf4j.LoggerFactory;

/** Starts Kamaji tenant discovery when {@code JAMIE_KAMAJI_ENABLED} asks for it. */
final class Kamaji {
  private Kamaji() {}

  /**
   * Discovery over the management cluster, tenants registered on return; null when disabled.
   *
   * @throws StartupException naming the setting and the fix when tenants cannot be listed
   */
  static KamajiDiscovery start(JamieConfig config, ClusterRegistry clusters) {
    if (!config.kamajiEnabled()) {
      return null;
    }
    if (!(clusters instanceof DynamicClusters dynamic)) {
      throw new StartupException(
          "JAMIE_KAMAJI_ENABLED is true, but "
              + clusters.getClass().getSimpleName()
              + " cannot add clusters at run time; use KubeconfigClusterRegistry or set"
              + " JAMIE_KAMAJI_ENABLED=false.",
          null);
    }
    String management;
    try {
      management = clusters.resolve(config.kamajiCluster()).name();
    } catch (RuntimeException e) {
      throw new StartupException(
          "JAMIE_KAMAJI_CLUSTER: " + e.getMessage() + " Set it to the Kamaji management cluster.",
          e);
    }
    try {
      KamajiDiscovery discovery =
          new KamajiDiscovery(clusters.client(management), management, dynamic).start();
      LoggerFactory.getLogger(Kamaji.class)
          .info("kamaji: {} tenant(s) on `{}`", discovery.tenants().size(), management);
      return discovery;
    } catch (RuntimeException e) {
      throw new StartupException(
          "JAMIE_KAMAJI_ENABLED is true, but I cannot list TenantControlPlanes on cluster `"
              + management
              + "`: "
              + e.getMessage()
              + ". Install Kamaji there, let the bot list and watch"
              + " tenantcontrolplanes.kamaji.clastix.io and get secrets, or set"
              + " JAMIE_KAMAJI_ENABLED=false.",
          e);
    }
  }
}
