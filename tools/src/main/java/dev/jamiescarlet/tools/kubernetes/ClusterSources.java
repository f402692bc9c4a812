package dev.jamiescarlet.tools.kubernetes;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where clusters come from at start: kubeconfig files and contexts, and the pod's service account.
 */
final class ClusterSources {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSources.class);

  private ClusterSources() {}

  static List<File> kubeconfigFiles(String explicit, Map<String, String> env, Path home) {
    List<File> files = new ArrayList<>();
    if (explicit != null && !explicit.isBlank()) {
      File file = new File(explicit);
      if (!file.isFile()) {
        throw new KubernetesToolException(
            Kind.INVALID_REQUEST,
            "The kubeconfig `" + explicit + "` does not exist; point it at a readable file.");
      }
      files.add(file);
      return files;
    }
    String fromEnv = env.get("KUBECONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      for (String part : fromEnv.split(File.pathSeparator)) {
        File file = new File(part);
        if (file.isFile()) {
          files.add(file);
        }
      }
      return files;
    }
    File fallback = home.resolve(".kube").resolve("config").toFile();
    if (fallback.isFile()) {
      files.add(fallback);
    }
    return files;
  }

  /** Adds one entry per context of the file; returns its current context. */
  static String addContexts(File file, Map<String, ClusterEntry> entries) {
    io.fabric8.kubernetes.api.model.Config kubeconfig;
    try {
      kubeconfig = KubeConfigUtils.parseConfig(file);
    } catch (RuntimeException e) {
      throw new KubernetesToolException(
          Kind.INVALID_REQUEST,
          "The kubeconfig `"
              + file
              + "` could not be read: "
              + e.getMessage()
              + ". Fix or remove it.",
          e);
    }
    for (NamedContext context : kubeconfig.getContexts()) {
      String name = context.getName();
      if (name == null || entries.containsKey(name)) {
        continue; // the first file that defines a context wins, as with kubectl
      }
      String clusterName = context.getContext() == null ? null : context.getContext().getCluster();
      String server =
          kubeconfig.getClusters().stream()
              .filter(c -> c.getName() != null && c.getName().equals(clusterName))
              .map(NamedCluster::getCluster)
              .filter(c -> c != null && c.getServer() != null)
              .map(c -> c.getServer())
              .findFirst()
              .orElse("(no server)");
      String namespace =
          context.getContext() == null || context.getContext().getNamespace() == null
              ? "default"
              : context.getContext().getNamespace();
      ClusterInfo info = new ClusterInfo(name, server, "kubeconfig " + file, namespace, false);
      entries.put(
          name,
          new ClusterEntry(
              info, () -> KubeconfigClusterRegistry.create(Config.fromKubeconfig(name, file))));
    }
    return kubeconfig.getCurrentContext();
  }

  static ClusterEntry inCluster(String server, Path serviceAccount) {
    Path namespaceFile = serviceAccount.resolve("namespace");
    String namespace = "default";
    try {
      if (Files.isReadable(namespaceFile)) {
        namespace = Files.readString(namespaceFile, StandardCharsets.UTF_8).trim();
      }
    } catch (IOException e) {
      LOG.warn("Could not read {}; using namespace default", namespaceFile, e);
    }
    ClusterInfo info =
        new ClusterInfo(
            KubeconfigClusterRegistry.IN_CLUSTER, server, "service account", namespace, false);
    String ns = namespace;
    Path ca = serviceAccount.resolve("ca.crt");
    Supplier<KubernetesClient> factory =
        () -> {
          ConfigBuilder config =
              new ConfigBuilder(Config.empty())
                  .withMasterUrl(server)
                  .withNamespace(ns)
                  // re-read on every request: projected tokens rotate hourly
                  .withOauthTokenProvider(() -> readToken(serviceAccount.resolve("token")));
          if (Files.isReadable(ca)) {
            config.withCaCertFile(ca.toString());
          }
          return KubeconfigClusterRegistry.create(config.build());
        };
    return new ClusterEntry(info, factory);
  }

  static String readToken(Path token) {
    try {
      return Files.readString(token, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new KubernetesToolException(
          Kind.UNAUTHORIZED,
          "Could not read the service account token " + token + ": " + e.getMessage(),
          e);
    }
  }
}
