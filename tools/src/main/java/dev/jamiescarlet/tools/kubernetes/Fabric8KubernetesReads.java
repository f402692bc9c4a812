package dev.jamiescarlet.tools.kubernetes;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** {@link KubernetesReads} over fabric8 clients from a {@link ClusterRegistry}. */
public final class Fabric8KubernetesReads implements KubernetesReads {
  private final ClusterRegistry registry;
  private final Clock clock;
  private final Identity identity;

  /** Reads through the registry's clients; ages are measured with the clock. */
  public Fabric8KubernetesReads(ClusterRegistry registry, Clock clock) {
    this(registry, clock, Identity.BOT);
  }

  private Fabric8KubernetesReads(ClusterRegistry registry, Clock clock, Identity identity) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.identity = identity == null ? Identity.BOT : identity;
  }

  @Override
  public KubernetesReads as(Identity who) {
    return who == null || who.isBot() ? this : new Fabric8KubernetesReads(registry, clock, who);
  }

  @Override
  public List<PodSummary> pods(String cluster, String namespace, String labelSelector) {
    return call(
        cluster,
        namespace,
        "pods",
        ctx -> {
          KubernetesClient client = ctx.client();
          var pods =
              namespace == null
                  ? client.pods().inAnyNamespace()
                  : client.pods().inNamespace(namespace);
          List<Pod> items =
              labelSelector == null || labelSelector.isBlank()
                  ? pods.list().getItems()
                  : pods.withLabelSelector(labelSelector).list().getItems();
          PodSummaries summaries = new PodSummaries(replicaSets(ctx, namespace));
          return items.stream()
              .map(p -> summaries.summarize(p, ctx.now()))
              .sorted(PodSummaries.WORST_FIRST)
              .toList();
        });
  }

  @Override
  public List<DeploymentSummary> deployments(String cluster, String namespace) {
    return call(
        cluster,
        namespace,
        "deployments",
        ctx -> {
          KubernetesClient client = ctx.client();
          List<Deployment> deployments =
              namespace == null
                  ? client.apps().deployments().inAnyNamespace().list().getItems()
                  : client.apps().deployments().inNamespace(namespace).list().getItems();
          List<Pod> pods =
              namespace == null
                  ? client.pods().inAnyNamespace().list().getItems()
                  : client.pods().inNamespace(namespace).list().getItems();
          PodSummaries summaries = new PodSummaries(List.of());
          return deployments.stream()
              .map(d -> DeploymentSummaries.of(d, pods, summaries, ctx.now()))
              .sorted(
                  java.util.Comparator.comparing(DeploymentSummary::health)
                      .thenComparing(DeploymentSummary::name))
              .toList();
        });
  }

  @Override
  public Description describe(String cluster, String namespace, String kind, String name) {
    ResourceKind resourceKind = ResourceKind.parse(kind);
    String ns = resourceKind.namespaced() ? namespace(cluster, namespace) : null;
    String what = resourceKind.noun() + " `" + name + "`";
    return call(
        cluster,
        ns,
        what,
        ctx ->
            switch (resourceKind) {
              case POD -> {
                Pod pod = ctx.client().pods().inNamespace(ns).withName(name).get();
                if (pod == null) {
                  throw notFound(ctx, ns, what);
                }
                yield PodDescriber.describe(ctx, ns, pod, new PodSummaries(replicaSets(ctx, ns)));
              }
              case DEPLOYMENT, STATEFULSET, DAEMONSET, REPLICASET, JOB, CRONJOB ->
                  WorkloadDescriber.describe(ctx, ns, resourceKind, name);
              default -> ObjectDescriber.describe(ctx, ns, resourceKind, name);
            });
  }

  @Override
  public LogResult logs(String cluster, String namespace, LogRequest request) {
    String ns = namespace(cluster, namespace);
    return call(
        cluster, ns, "logs of `" + request.target() + "`", ctx -> LogReader.read(ctx, ns, request));
  }

  @Override
  public List<EventSummary> events(String cluster, String namespace, boolean warningsOnly) {
    return call(
        cluster,
        namespace,
        warningsOnly ? "warning events" : "events",
        ctx -> EventReader.list(ctx, namespace, warningsOnly));
  }

  @Override
  public List<String> names(String cluster, String namespace, String kind) {
    ResourceKind k;
    try {
      k = ResourceKind.parse(kind);
    } catch (KubernetesToolException e) {
      return List.of();
    }
    String ns = namespace(cluster, namespace);
    try {
      return call(
          cluster,
          ns,
          k.noun() + " names",
          ctx -> {
            KubernetesClient c = ctx.client();
            List<? extends io.fabric8.kubernetes.api.model.HasMetadata> items =
                switch (k) {
                  case POD -> c.pods().inNamespace(ns).list().getItems();
                  case DEPLOYMENT -> c.apps().deployments().inNamespace(ns).list().getItems();
                  case STATEFULSET -> c.apps().statefulSets().inNamespace(ns).list().getItems();
                  case DAEMONSET -> c.apps().daemonSets().inNamespace(ns).list().getItems();
                  case REPLICASET -> c.apps().replicaSets().inNamespace(ns).list().getItems();
                  case JOB -> c.batch().v1().jobs().inNamespace(ns).list().getItems();
                  case CRONJOB -> c.batch().v1().cronjobs().inNamespace(ns).list().getItems();
                  case SERVICE -> c.services().inNamespace(ns).list().getItems();
                  case CONFIGMAP -> c.configMaps().inNamespace(ns).list().getItems();
                  case NODE -> c.nodes().list().getItems();
                  case NAMESPACE -> c.namespaces().list().getItems();
                };
            return items.stream().map(o -> o.getMetadata().getName()).sorted().toList();
          });
    } catch (KubernetesToolException e) {
      // suggestions are a courtesy: no permission to list means no suggestions
      return List.of();
    }
  }

  /** The namespace to use: the given one, else the cluster's default. */
  private String namespace(String cluster, String namespace) {
    return namespace == null || namespace.isBlank()
        ? registry.resolve(cluster).defaultNamespace()
        : namespace;
  }

  private <T> T call(String cluster, String namespace, String what, Function<ReadContext, T> read) {
    ClusterInfo info = registry.resolve(cluster);
    KubernetesClient client =
        identity.isBot() ? registry.client(cluster) : registry.client(cluster, identity);
    try {
      return read.apply(new ReadContext(info, client, clock.instant()));
    } catch (RuntimeException e) {
      throw KubernetesErrors.map(e, info, namespace, what);
    }
  }

  /** ReplicaSets for owner resolution; without permission to list them, owners show as rs/NAME. */
  private static List<ReplicaSet> replicaSets(ReadContext ctx, String namespace) {
    try {
      return namespace == null
          ? ctx.client().apps().replicaSets().inAnyNamespace().list().getItems()
          : ctx.client().apps().replicaSets().inNamespace(namespace).list().getItems();
    } catch (KubernetesClientException e) {
      return List.of();
    }
  }

  private static KubernetesToolException notFound(ReadContext ctx, String namespace, String what) {
    return new KubernetesToolException(
        Kind.NOT_FOUND, what + " not found " + KubernetesErrors.where(ctx.cluster(), namespace));
  }
}
