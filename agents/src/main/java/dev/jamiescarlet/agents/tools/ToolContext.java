package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import dev.jamiescarlet.tools.diagnosis.Diagnoser;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the tools of one agent request may use: the asker's Kubernetes view, the memory scopes and
 * write verbs the agent is allowed, and where calls and proposals are recorded.
 *
 * @param kubernetes reads already bound to the asker's identity ({@code reads.as(identity)})
 * @param clusters resolves cluster names
 * @param defaultCluster the cluster when the model names none; null for the registry's default
 * @param diagnoser finds problems in a namespace
 * @param memory the memory store; null, or returning null, when memory is off
 * @param memoryScopes the scopes memory searches may see (see {@link #scopes}); empty: none
 * @param writeVerbs the verbs a proposal may start with, e.g. restart, scale, rollback
 * @param evidence the log every tool call adds to
 * @param proposals the sink proposals go to
 * @param clock for "how long ago" in outputs
 */
public record ToolContext(
    KubernetesReads kubernetes,
    ClusterRegistry clusters,
    String defaultCluster,
    Diagnoser diagnoser,
    Supplier<MemoryStore> memory,
    List<Scope> memoryScopes,
    Set<String> writeVerbs,
    Evidence evidence,
    Proposals proposals,
    Clock clock) {

  /** The write verbs of the bot's command grammar, for agents allowed all of them. */
  public static final Set<String> ALL_WRITE_VERBS =
      Set.of(
          "restart",
          "scale",
          "rollback",
          "delete",
          "cordon",
          "uncordon",
          "suspend",
          "resume",
          "limits");

  /** Checks the required parts and copies the collections. */
  public ToolContext {
    Objects.requireNonNull(kubernetes, "kubernetes (the reads bound to the asker's identity)");
    Objects.requireNonNull(clusters, "clusters");
    Objects.requireNonNull(diagnoser, "diagnoser");
    Objects.requireNonNull(evidence, "evidence (new Evidence() per request)");
    Objects.requireNonNull(proposals, "proposals (new Proposals() per request)");
    Objects.requireNonNull(clock, "clock");
    memory = memory == null ? () -> null : memory;
    memoryScopes = memoryScopes == null ? List.of() : List.copyOf(memoryScopes);
    writeVerbs =
        writeVerbs == null
            ? Set.of()
            : writeVerbs.stream()
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /**
   * The memory scopes an agent definition's {@code memory.retrievalScopes} allow for one
   * conversation: only this channel, this team and global, never another channel's.
   *
   * @param retrievalScopes any of {@code channel}, {@code team}, {@code global}
   * @param channelId the Slack channel asked in, or null
   * @param teamId the asker's team, or null when none is known
   */
  public static List<Scope> scopes(Set<String> retrievalScopes, String channelId, String teamId) {
    List<Scope> out = new ArrayList<>();
    if (retrievalScopes.contains("channel") && channelId != null && !channelId.isBlank()) {
      out.add(Scope.channel(channelId));
    }
    if (retrievalScopes.contains("team") && teamId != null && !teamId.isBlank()) {
      out.add(Scope.team(teamId));
    }
    if (retrievalScopes.contains("global")) {
      out.add(Scope.global());
    }
    return List.copyOf(out);
  }

  /**
   * The name of the cluster a tool call means: the one the model named, else the request's default,
   * else the registry's; unknown names fail with the registry's UNKNOWN_CLUSTER message.
   */
  String cluster(String given) {
    return clusters
        .resolve(given == null || given.isBlank() ? defaultCluster : given.trim())
        .name();
  }

  /** The namespace a tool call means: the one given, else the cluster's default namespace. */
  String namespace(String given, String cluster) {
    return given == null || given.isBlank()
        ? clusters.resolve(cluster).defaultNamespace()
        : given.trim();
  }

  /** As {@link #namespace}, but {@code all} or {@code *} mean every namespace (null). */
  String namespaceOrAll(String given, String cluster) {
    String ns = namespace(given, cluster);
    return "all".equalsIgnoreCase(ns) || "*".equals(ns) ? null : ns;
  }

  /** The output helper that redacts, clips, frames and records each result. */
  ToolOutput output() {
    return new ToolOutput(evidence);
  }
}
