package dev.jamiescarlet.bot.agents;

import com.mongodb.client.MongoDatabase;
import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.definitions.AgentDefinitions;
import dev.jamiescarlet.agents.feedback.AgentAnswers;
import dev.jamiescarlet.agents.models.ModelChain;
import dev.jamiescarlet.agents.models.ModelGuards;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.AgentState;
import dev.jamiescarlet.agents.runtime.Investigations;
import dev.jamiescarlet.agents.runtime.Investigator;
import dev.jamiescarlet.agents.tasks.TaskWorker;
import dev.jamiescarlet.agents.tasks.Tasks;
import dev.jamiescarlet.agents.telemetry.AgentTelemetry;
import dev.jamiescarlet.agents.threads.MongoChatMemoryStore;
import dev.jamiescarlet.agents.threads.ThreadMemories;
import dev.jamiescarlet.agents.tools.AgentTools;
import dev.jamiescarlet.agents.tools.Integrations;
import dev.jamiescarlet.agents.usage.ModelPrices;
import dev.jamiescarlet.agents.usage.TokenBudgets;
import dev.jamiescarlet.bot.approvals.AgentProposals;
import dev.jamiescarlet.bot.commands.AgentOverview;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.config.AgentsConfig;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.store.Housekeeping;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.tools.diagnosis.Diagnoser;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents at work in the bot: one runtime per definition over shared model guards, their state
 * in MongoDB, Scarlet's durable investigations with this replica's task worker, and the desk that
 * hands them Slack's open questions.
 */
public final class AgentServices implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentServices.class);

  private final Map<String, AgentRuntime> runtimes;
  private final ModelGuards guards;
  private final TaskWorker worker;
  private final AgentDesk desk;
  private final AgentState state;
  private final Clock clock;
  private static final java.time.Duration PURGE_EVERY = java.time.Duration.ofHours(1);
  private Housekeeping purger;

  private AgentServices(
      Map<String, AgentRuntime> runtimes,
      ModelGuards guards,
      TaskWorker worker,
      AgentDesk desk,
      AgentState state,
      Clock clock) {
    this.clock = clock;
    this.runtimes = runtimes;
    this.guards = guards;
    this.worker = worker;
    this.desk = desk;
    this.state = state;
  }

  /**
   * What the agents need from the rest of the bot.
   *
   * @param clusters the clusters
   * @param reads Kubernetes reads (bound per asker)
   * @param identities Slack user → Kubernetes identity
   * @param diagnoser the diagnosis engine
   * @param memory runbooks and notes (null or returning null when memory is off)
   * @param replier Slack
   * @param proposals judge + approval flow for agents' proposals
   * @param contexts (user, channel) → a command context, for proposals
   * @param groupsOf Slack user → their user groups
   * @param integrations Prometheus, Alertmanager, Argo CD and Grafana clients (any may be null)
   */
  public record Wiring(
      ClusterRegistry clusters,
      KubernetesReads reads,
      Function<String, Identity> identities,
      Diagnoser diagnoser,
      Supplier<MemoryStore> memory,
      Replier replier,
      AgentProposals proposals,
      BiFunction<String, String, CommandContext> contexts,
      Function<String, Set<String>> groupsOf,
      Integrations integrations,
      Telemetry telemetry) {}

  /** Builds the runtimes and starts the investigation worker. */
  public static AgentServices start(
      AgentDefinitions definitions,
      PromptLibrary prompts,
      AgentsConfig config,
      Map<String, String> env,
      MongoDatabase db,
      Clock clock,
      Wiring w) {
    ModelGuards guards =
        new ModelGuards(
            clock,
            ModelGuards.DEFAULT_FAILURE_THRESHOLD,
            ModelGuards.DEFAULT_OPEN_DURATION,
            config.llmConcurrency());
    MongoChatMemoryStore threads = new MongoChatMemoryStore(db, clock);
    AgentState state =
        new AgentState(
            new ThreadMemories(threads),
            new TokenBudgets(
                db,
                clock,
                config.tokensPerUserDay(),
                config.tokensPerChannelDay(),
                ModelPrices.standard()),
            new AgentAnswers(db, clock));
    Map<String, AgentRuntime> runtimes = new LinkedHashMap<>();
    Map<String, AgentRuntime> byMention = new LinkedHashMap<>();
    AgentTelemetry telemetry =
        AgentTelemetry.of(
            w.telemetry() == null ? Telemetry.noop() : w.telemetry(), ModelPrices.standard());
    for (AgentDefinition d : definitions.all()) {
      AgentRuntime runtime =
          new AgentRuntime(
              d, prompts, ModelChain.of(d, guards, env), state, clock, w.integrations(), telemetry);
      runtimes.put(d.name(), runtime);
      d.triggers().mentions().forEach(m -> byMention.putIfAbsent(m, runtime));
      if (!AgentTools.unavailable(d.tools(), w.integrations()).isEmpty()) {
        log.info(
            "agent {}: tool families {} are not connected (set their URLs) and are left out",
            d.name(),
            AgentTools.unavailable(d.tools(), w.integrations()));
      }
    }
    AgentRuntime conversational = byMention.getOrDefault("jamie", first(runtimes));
    AgentRuntime investigator = runtimes.get("scarlet");
    TaskWorker worker = null;
    InvestigationDesk investigations = null;
    if (investigator != null) {
      Tasks tasks = new Tasks(db, clock, Tasks.replicaId());
      Investigator handler =
          new Investigator(
              investigator,
              contexts(investigator.definition(), w, clock),
              new SlackInvestigationSink(
                  investigator.display(), w.replier(), w.proposals(), w.contexts(), clock));
      worker = new TaskWorker(tasks, Map.of(Investigator.TASK_TYPE, handler));
      worker.start();
      investigations =
          new InvestigationDesk(
              new Investigations(handler, tasks, worker, clock), w.replier(), w.groupsOf());
    }
    AgentDesk desk =
        new AgentDesk(
            conversational,
            byMention,
            conversational == null ? null : contexts(conversational.definition(), w, clock),
            w.replier(),
            w.proposals(),
            new Feedback(state.answers(), clock),
            investigations,
            w.groupsOf(),
            clock);
    AgentServices services = new AgentServices(runtimes, guards, worker, desk, state, clock);
    services.purger = purgeHourly(threads);
    return services;
  }

  private static BotToolContexts contexts(AgentDefinition d, Wiring w, Clock clock) {
    return new BotToolContexts(
        d, w.clusters(), w.reads(), w.identities(), w.diagnoser(), w.memory(), clock);
  }

  private static AgentRuntime first(Map<String, AgentRuntime> runtimes) {
    return runtimes.isEmpty() ? null : runtimes.values().iterator().next();
  }

  /** The desk open questions go to. */
  public AgentDesk desk() {
    return desk;
  }

  /** Each agent's runtime by name. */
  public Map<String, AgentRuntime> runtimes() {
    return Map.copyOf(runtimes);
  }

  /** Breakers and limiters of every model endpoint. */
  public ModelGuards guards() {
    return guards;
  }

  /** What the agents keep in MongoDB. */
  public AgentState state() {
    return state;
  }

  /** The agents as the {@code agents} command shows them. */
  public AgentOverview overview() {
    return new Overview(runtimes, guards, state, clock);
  }

  /** Expired thread memories go every hour (the embedded store has no TTL deletion). */
  private static Housekeeping purgeHourly(MongoChatMemoryStore threads) {
    return Housekeeping.every(
        PURGE_EVERY,
        "thread-memory-purge",
        "could not purge expired thread memories",
        () -> {
          long gone = threads.purgeExpired();
          if (gone > 0) {
            log.info("purged {} expired thread memories", gone);
          }
        });
  }

  @Override
  public void close() {
    if (purger != null) {
      purger.close();
    }
    if (worker != null) {
      worker.close();
    }
  }
}
