package dev.jamiescarlet.tools.kubernetes;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clusters from kubeconfig contexts and the in-cluster service account, clients made lazily; plus
 * clusters discovery adds and removes at run time.
 */
public final class KubeconfigClusterRegistry implements ClusterRegistry, DynamicClusters {
  private static final Logger LOG = LoggerFactory.getLogger(KubeconfigClusterRegistry.class);

  /** Name of the cluster the bot runs in, when it runs in a pod. */
  public static final String IN_CLUSTER = "in-cluster";

  static final int CONNECTION_TIMEOUT_MS = 5_000;
  static final int REQUEST_TIMEOUT_MS = 10_000;
  static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  /** One impersonating client per cluster and identity. */
  private record ClientKey(String cluster, Identity as) {}

  // replaced whole under the lock, read without it: readers see one consistent map
  private volatile Map<String, ClusterEntry> entries;
  private final Object lock = new Object();
  private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();
  private final Map<ClientKey, KubernetesClient> impersonating = new ConcurrentHashMap<>();
  private final String defaultName;

  private KubeconfigClusterRegistry(Map<String, ClusterEntry> entries, String defaultName) {
    this.entries = Collections.unmodifiableMap(entries);
    this.defaultName = defaultName;
  }

  /**
   * Clusters from the kubeconfig (the given path, else $KUBECONFIG, else ~/.kube/config) and the
   * in-cluster service account when the bot runs in a pod.
   *
   * @param kubeconfigPath kubeconfig file, or null to look in the usual places
   * @param defaultCluster the cluster used when none is named, or null for the current context
   */
  public static KubeconfigClusterRegistry fromEnvironment(
      String kubeconfigPath, String defaultCluster) {
    return fromEnvironment(
        kubeconfigPath,
        defaultCluster,
        System.getenv(),
        Path.of(System.getProperty("user.home", ".")),
        SERVICE_ACCOUNT);
  }

  /** As {@link #fromEnvironment(String, String)}, with the environment passed in for tests. */
  static KubeconfigClusterRegistry fromEnvironment(
      String kubeconfigPath,
      String defaultCluster,
      Map<String, String> env,
      Path home,
      Path serviceAccount) {
    Map<String, ClusterEntry> entries = new LinkedHashMap<>();
    String currentContext = null;
    for (File file : ClusterSources.kubeconfigFiles(kubeconfigPath, env, home)) {
      String current = ClusterSources.addContexts(file, entries);
      if (currentContext == null) {
        currentContext = current;
      }
    }
    Path token = serviceAccount.resolve("token");
    String host = env.get("KUBERNETES_SERVICE_HOST");
    if (Files.isReadable(token) && host != null && !entries.containsKey(IN_CLUSTER)) {
      String port = env.getOrDefault("KUBERNETES_SERVICE_PORT", "443");
      String server = "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
      entries.put(IN_CLUSTER, ClusterSources.inCluster(server, serviceAccount));
    }
    String chosen = defaultCluster;
    if (chosen == null || chosen.isBlank()) {
      chosen =
          currentContext != null && entries.containsKey(currentContext) ? currentContext : null;
      if (chosen == null && entries.containsKey(IN_CLUSTER)) {
        chosen = IN_CLUSTER;
      }
      if (chosen == null && !entries.isEmpty()) {
        chosen = entries.keySet().iterator().next();
      }
    }
    return build(entries, chosen);
  }

  /**
   * A registry over ready-made clients, for the demo cluster and tests.
   *
   * @param clients clients by cluster name, in the order to list them
   * @param defaultName the default cluster, or null for the first
   * @param source where the clusters came from, shown in {@code clusters}
   */
  public static KubeconfigClusterRegistry of(
      Map<String, KubernetesClient> clients, String defaultName, String source) {
    Map<String, ClusterEntry> entries = new LinkedHashMap<>();
    clients.forEach(
        (name, client) -> {
          String namespace = client.getNamespace() == null ? "default" : client.getNamespace();
          ClusterInfo info =
              new ClusterInfo(name, client.getMasterUrl().toString(), source, namespace, false);
          entries.put(name, new ClusterEntry(info, () -> client));
        });
    String chosen =
        defaultName != null || entries.isEmpty() ? defaultName : entries.keySet().iterator().next();
    return build(entries, chosen);
  }

  private static KubeconfigClusterRegistry build(Map<String, ClusterEntry> entries, String chosen) {
    if (chosen != null && !entries.containsKey(chosen)) {
      throw new KubernetesToolException(
          Kind.UNKNOWN_CLUSTER,
          "The default cluster `"
              + chosen
              + "` is not a known cluster. Known clusters: "
              + known(entries)
              + ". Set the default to one of them, or leave it unset to use the kubeconfig's"
              + " current context.");
    }
    Map<String, ClusterEntry> ordered = new LinkedHashMap<>();
    if (chosen != null) {
      ClusterEntry first = entries.get(chosen);
      ordered.put(
          chosen, new ClusterEntry(withDefault(first.info(), true), first.factory(), false));
    }
    entries.forEach((name, entry) -> ordered.putIfAbsent(name, entry));
    return new KubeconfigClusterRegistry(ordered, chosen);
  }

  @Override
  public List<ClusterInfo> clusters() {
    return entries.values().stream().map(ClusterEntry::info).toList();
  }

  @Override
  public ClusterInfo resolve(String name) {
    return entry(name).info();
  }

  @Override
  public KubernetesClient client(String name) {
    ClusterEntry entry = entry(name);
    String key = entry.info().name();
    KubernetesClient client = clients.computeIfAbsent(key, n -> entry.factory().get());
    if (entries.get(key) != entry) {
      // removed or replaced while we made the client: drop ours, answer from the current entry
      closeClients(key);
      return client(name);
    }
    return client;
  }

  @Override
  public boolean put(String name, String source, Config config) {
    synchronized (lock) {
      ClusterEntry existing = entries.get(name);
      if (existing != null && !existing.dynamic()) {
        LOG.warn(
            "Discovery found cluster `{}` ({}), but a configured cluster has that name; keeping"
                + " the configured one. Rename one of them to reach both.",
            name,
            source);
        return false;
      }
      String namespace = config.getNamespace() == null ? "default" : config.getNamespace();
      ClusterInfo info = new ClusterInfo(name, config.getMasterUrl(), source, namespace, false);
      Map<String, ClusterEntry> next = new LinkedHashMap<>(entries);
      next.put(name, new ClusterEntry(info, () -> create(config), true));
      entries = Collections.unmodifiableMap(next);
      closeClients(name);
      return true;
    }
  }

  @Override
  public void remove(String name) {
    synchronized (lock) {
      ClusterEntry existing = entries.get(name);
      if (existing == null || !existing.dynamic()) {
        return;
      }
      Map<String, ClusterEntry> next = new LinkedHashMap<>(entries);
      next.remove(name);
      entries = Collections.unmodifiableMap(next);
      closeClients(name);
    }
  }

  /** Closes and forgets the clients of one cluster. */
  private void closeClients(String name) {
    KubernetesClient client = clients.remove(name);
    if (client != null) {
      client.close();
    }
    impersonating.keySet().stream()
        .filter(k -> k.cluster().equals(name))
        .toList()
        .forEach(
            k -> {
              KubernetesClient c = impersonating.remove(k);
              if (c != null) {
                c.close();
              }
            });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Impersonating clients copy the cluster client's configuration and add {@code
   * Impersonate-User}/{@code Impersonate-Group}; the bot's own credentials need the {@code
   * impersonate} verb on users and groups.
   */
  @Override
  public KubernetesClient client(String name, Identity as) {
    if (as == null || as.isBot()) {
      return client(name);
    }
    KubernetesClient base = client(name);
    ClientKey key = new ClientKey(entry(name).info().name(), as);
    return impersonating.computeIfAbsent(key, k -> impersonate(base, as));
  }

  @Override
  public void close() {
    impersonating.values().forEach(KubernetesClient::close);
    impersonating.clear();
    clients.values().forEach(KubernetesClient::close);
    clients.clear();
  }

  /** A client like {@code base} that acts as the given user and groups. */
  static KubernetesClient impersonate(KubernetesClient base, Identity as) {
    Config config =
        new ConfigBuilder(base.getConfiguration())
            .withImpersonateUsername(as.kubernetesUser())
            .withImpersonateGroups(as.groups().toArray(String[]::new))
            .build();
    return create(config);
  }

  private ClusterEntry entry(String name) {
    Map<String, ClusterEntry> entries = this.entries;
    if (entries.isEmpty()) {
      throw new KubernetesToolException(
          Kind.UNKNOWN_CLUSTER,
          "I don't know any Kubernetes cluster yet. Set KUBECONFIG to a kubeconfig file (one"
              + " cluster per context), or run me in a pod with a service account.");
    }
    String wanted = name == null || name.isBlank() ? defaultName : name;
    ClusterEntry entry = entries.get(wanted);
    if (entry == null) {
      String hint =
          ClosestName.to(wanted, entries.keySet())
              .map(n -> " Did you mean `" + n + "`?")
              .orElse("");
      throw new KubernetesToolException(
          Kind.UNKNOWN_CLUSTER,
          "I don't know cluster `" + wanted + "`. Known clusters: " + known(entries) + "." + hint);
    }
    return entry;
  }

  private static String known(Map<String, ClusterEntry> entries) {
    return entries.isEmpty()
        ? "none"
        : entries.keySet().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
  }

  private static ClusterInfo withDefault(ClusterInfo info, boolean isDefault) {
    return new ClusterInfo(
        info.name(), info.server(), info.source(), info.defaultNamespace(), isDefault);
  }

  /** A client with chat-sized timeouts, so an unreachable cluster fails in seconds. */
  public static KubernetesClient create(Config config) {
    Config quick =
        new ConfigBuilder(config)
            .withConnectionTimeout(CONNECTION_TIMEOUT_MS)
            .withRequestTimeout(REQUEST_TIMEOUT_MS)
            // retries multiply the wait; a person in Slack would rather hear now
            .withRequestRetryBackoffLimit(0)
            .build();
    return new KubernetesClientBuilder().withConfig(quick).build();
  }
}
