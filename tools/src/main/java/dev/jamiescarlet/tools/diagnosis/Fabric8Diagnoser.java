package dev.jamiescarlet.tools.diagnosis;

import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesErrors;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@link Diagnoser} over fabric8: reads each resource list once, in parallel on virtual threads,
 * then runs every analyzer over the one snapshot.
 */
public final class Fabric8Diagnoser implements Diagnoser {
  private final ClusterRegistry registry;
  private final Clock clock;
  private final List<Analyzer> analyzers;

  /** The standard analyzers over the registry's clusters. */
  public Fabric8Diagnoser(ClusterRegistry registry, Clock clock) {
    this(registry, clock, Analyzers.standard());
  }

  /** The given analyzers, for tests. */
  Fabric8Diagnoser(ClusterRegistry registry, Clock clock, List<Analyzer> analyzers) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.analyzers = List.copyOf(analyzers);
  }

  @Override
  public Diagnosis diagnose(String cluster, String namespace, String target) {
    ClusterInfo info = registry.resolve(cluster);
    KubernetesClient client = registry.client(cluster);
    try {
      List<String> skipped = Collections.synchronizedList(new ArrayList<>());
      Snapshot snapshot = read(info, client, namespace, skipped);
      List<Finding> findings = Findings.of(analyzers, snapshot);
      if (target != null && !target.isBlank()) {
        findings = Findings.about(findings, target.trim(), snapshot);
      }
      return new Diagnosis(
          info.name(), namespace, target, findings, snapshot.pods().size(), skipped);
    } catch (RuntimeException e) {
      throw KubernetesErrors.map(e, info, namespace, "the resources to diagnose");
    }
  }

  private Snapshot read(
      ClusterInfo info, KubernetesClient client, String ns, List<String> skipped) {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var pods = pool.submit(() -> items(in(client.pods(), ns)));
      var deployments = pool.submit(() -> items(in(client.apps().deployments(), ns)));
      var replicaSets =
          optional(pool, skipped, "replicasets", () -> items(in(client.apps().replicaSets(), ns)));
      var events = optional(pool, skipped, "events", () -> items(in(client.v1().events(), ns)));
      var jobs = optional(pool, skipped, "jobs", () -> items(in(client.batch().v1().jobs(), ns)));
      var claims =
          optional(
              pool,
              skipped,
              "persistentvolumeclaims",
              () -> items(in(client.persistentVolumeClaims(), ns)));
      var services = optional(pool, skipped, "services", () -> items(in(client.services(), ns)));
      var endpoints = optional(pool, skipped, "endpoints", () -> items(in(client.endpoints(), ns)));
      var nodes = optional(pool, skipped, "nodes", () -> client.nodes().list().getItems());
      Snapshot.Builder b =
          Snapshot.builder()
              .scope(info.name(), ns)
              .now(clock.instant())
              .pods(get(pods, info, ns, "pods"))
              .deployments(get(deployments, info, ns, "deployments"))
              .replicaSets(get(replicaSets, info, ns, "replicasets"))
              .events(get(events, info, ns, "events"))
              .jobs(get(jobs, info, ns, "jobs"))
              .claims(get(claims, info, ns, "persistentvolumeclaims"))
              .services(get(services, info, ns, "services"))
              .endpoints(get(endpoints, info, ns, "endpoints"))
              .nodes(get(nodes, info, ns, "nodes"))
              .logs(
                  (podNs, pod, container, tail) -> {
                    String text =
                        dev.jamiescarlet.tools.kubernetes.PodLogs.read(
                            client, podNs, pod, container, true, tail);
                    return text.lines().toList();
                  });
      return b.build();
    }
  }

  private static <
          T extends io.fabric8.kubernetes.api.model.HasMetadata,
          L extends KubernetesResourceList<T>,
          R extends Resource<T>>
      io.fabric8.kubernetes.client.dsl.Listable<L> in(MixedOperation<T, L, R> op, String ns) {
    return ns == null ? op.inAnyNamespace() : op.inNamespace(ns);
  }

  private static <
          T extends io.fabric8.kubernetes.api.model.HasMetadata,
          L extends KubernetesResourceList<T>>
      List<T> items(io.fabric8.kubernetes.client.dsl.Listable<L> listable) {
    return listable.list().getItems();
  }

  /** A list the diagnosis can do without: forbidden or missing becomes empty, and is noted. */
  private static <T> Future<List<T>> optional(
      ExecutorService pool,
      List<String> notes,
      String what,
      java.util.concurrent.Callable<List<T>> read) {
    return pool.submit(
        () -> {
          try {
            return read.call();
          } catch (KubernetesClientException e) {
            if (e.getCode() == 403 || e.getCode() == 404) {
              notes.add(what + ": " + (e.getCode() == 403 ? "not allowed" : "not served"));
              return List.of();
            }
            throw e;
          }
        });
  }

  private static <T> List<T> get(Future<List<T>> future, ClusterInfo info, String ns, String what) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesToolException(
          KubernetesToolException.Kind.TIMEOUT, "interrupted while reading " + what, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      RuntimeException error =
          cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
      throw KubernetesErrors.map(error, info, ns, what);
    }
  }
}
