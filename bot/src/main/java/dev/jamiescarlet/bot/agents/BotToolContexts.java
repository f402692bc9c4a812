package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.runtime.Asker;
import dev.jamiescarlet.agents.runtime.ToolContexts;
import dev.jamiescarlet.agents.tools.Evidence;
import dev.jamiescarlet.agents.tools.EvidenceItem;
import dev.jamiescarlet.agents.tools.Proposals;
import dev.jamiescarlet.agents.tools.ToolContext;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.tools.diagnosis.Diagnoser;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The tools' view for one agent and asker: Kubernetes reads as the asker's mapped identity (so RBAC
 * decides what an agent sees for them), the memory scopes the agent's definition allows in this
 * channel, and the bot's write verbs for proposals.
 */
final class BotToolContexts implements ToolContexts {
  private final AgentDefinition agent;
  private final ClusterRegistry clusters;
  private final KubernetesReads reads;
  private final Function<String, Identity> identities;
  private final Diagnoser diagnoser;
  private final Supplier<MemoryStore> memory;
  private final Clock clock;

  BotToolContexts(
      AgentDefinition agent,
      ClusterRegistry clusters,
      KubernetesReads reads,
      Function<String, Identity> identities,
      Diagnoser diagnoser,
      Supplier<MemoryStore> memory,
      Clock clock) {
    this.agent = agent;
    this.clusters = clusters;
    this.reads = reads;
    this.identities = identities;
    this.diagnoser = diagnoser;
    this.memory = memory;
    this.clock = clock;
  }

  @Override
  public ToolContext forAsker(Asker asker, List<EvidenceItem> earlier) {
    return new ToolContext(
        reads.as(identities.apply(asker.user())),
        clusters,
        asker.cluster(),
        diagnoser,
        memory,
        ToolContext.scopes(agent.memory().retrievalScopes(), asker.channel(), null),
        ToolContext.ALL_WRITE_VERBS,
        new Evidence(earlier),
        new Proposals(),
        clock);
  }
}
