package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import dev.jamiescarlet.tools.diagnosis.Diagnoser;
import dev.jamiescarlet.tools.diagnosis.Fabric8Diagnoser;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Tool contexts for tests. */
public final class Contexts {
  static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Contexts() {}

  /** A registry named {@code demo} over one client. */
  public static ClusterRegistry registry(KubernetesClient client) {
    return KubeconfigClusterRegistry.of(Map.of("demo", client), "demo", "mock");
  }

  /** Real reads and diagnosis over the registry, no memory, every write verb. */
  public static ToolContext cluster(ClusterRegistry registry) {
    return new ToolContext(
        new Fabric8KubernetesReads(registry, CLOCK),
        registry,
        null,
        new Fabric8Diagnoser(registry, CLOCK),
        null,
        List.of(),
        ToolContext.ALL_WRITE_VERBS,
        new Evidence(),
        new Proposals(),
        CLOCK);
  }

  /** A context whose Kubernetes parts are never called, with memory in the given scopes. */
  static ToolContext memory(Supplier<MemoryStore> store, List<Scope> scopes) {
    return offCluster(store, scopes, CLOCK);
  }

  /**
   * A context for integration tools (Kubernetes parts never called, no memory) on the real clock,
   * since Prometheus range queries end at the context's now.
   */
  static ToolContext integrations() {
    return offCluster(() -> null, List.of(), Clock.systemUTC());
  }

  private static ToolContext offCluster(
      Supplier<MemoryStore> store, List<Scope> scopes, Clock clock) {
    ClusterRegistry registry = KubeconfigClusterRegistry.of(Map.of(), null, "none");
    Diagnoser none =
        (c, n, t) -> {
          throw new AssertionError("no diagnosis expected");
        };
    return new ToolContext(
        new Fabric8KubernetesReads(registry, CLOCK),
        registry,
        null,
        none,
        store,
        scopes,
        java.util.Set.of("restart", "scale"),
        new Evidence(),
        new Proposals(),
        clock);
  }
}
