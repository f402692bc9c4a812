package dev.jamiescarlet.bot;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.jamiescarlet.agents.definitions.AgentDefinitions;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.bot.agents.AgentDesk;
import dev.jamiescarlet.bot.agents.AgentIntegrations;
import dev.jamiescarlet.bot.agents.AgentServices;
import dev.jamiescarlet.bot.alerts.AlertControls;
import dev.jamiescarlet.bot.alerts.AlertIntake;
import dev.jamiescarlet.bot.approvals.AgentProposals;
import dev.jamiescarlet.bot.approvals.ApprovalFlow;
import dev.jamiescarlet.bot.approvals.Approvals;
import dev.jamiescarlet.bot.approvals.ProposalJudge;
import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.channels.ChannelDefaults;
import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.commands.FollowUps;
import dev.jamiescarlet.bot.commands.Monitoring;
import dev.jamiescarlet.bot.commands.RunbookCommand;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.config.SlackMode;
import dev.jamiescarlet.bot.grafana.GrafanaAnnotations;
import dev.jamiescarlet.bot.health.HealthChecks;
import dev.jamiescarlet.bot.health.HealthMetrics;
import dev.jamiescarlet.bot.http.HttpServer;
import dev.jamiescarlet.bot.http.ManagementServer;
import dev.jamiescarlet.bot.memory.MemoryServices;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.slack.AppHome;
import dev.jamiescarlet.bot.slack.BoltApps;
import dev.jamiescarlet.bot.slack.Conversation;
import dev.jamiescarlet.bot.slack.Deliveries;
import dev.jamiescarlet.bot.slack.SlackHandlers;
import dev.jamiescarlet.bot.slack.SlackHttpAdapter;
import dev.jamiescarlet.bot.slack.SlackReplier;
import dev.jamiescarlet.bot.slack.SlackUserGroups;
import dev.jamiescarlet.bot.slack.Work;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.bot.telemetry.BotTelemetry;
import dev.jamiescarlet.tools.actions.Actions;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.diagnosis.Fabric8Diagnoser;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.http.SafeUrls;
import dev.jamiescarlet.tools.kamaji.KamajiDiscovery;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running bot: the Bolt app on its transport, the HTTP server, and the tools behind them. */
public final class Bot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  private final JamieConfig config;
  private final ClusterRegistry clusters;
  private final Work work = new Work();
  private final Policy policy;
  private Mongo store;
  private AuditLog audit;
  private Approvals approvals;
  private PolicyEngine policyEngine;
  private App app;
  private SocketModeApp socketMode;
  private HttpServer http;
  private ManagementServer management;
  private KamajiDiscovery kamaji;
  private MemoryServices memory;
  private AgentDefinitions agents;
  private CompletableFuture<KamajiDiscovery> kamajiStart;

  private final Map<String, String> env;
  private AgentServices agentServices;
  private AlertIntake alerts;
  private BotTelemetry telemetry;
  private volatile HealthChecks health;

  private Bot(
      JamieConfig config,
      ClusterRegistry clusters,
      Policy policy,
      Mongo store,
      Map<String, String> env) {
    this.config = config;
    this.clusters = clusters;
    this.policy = policy;
    this.store = store;
    this.env = env;
  }

  /**
   * Builds and starts everything with the policy from {@code JAMIE_POLICY_FILE} (none: read-only);
   * failures name their fix and leave nothing running.
   */
  public static Bot start(JamieConfig config, ClusterRegistry clusters) {
    return start(config, clusters, StartupFiles.policy(config));
  }

  /** Builds and starts everything with the given policy (null: read-only). */
  public static Bot start(JamieConfig config, ClusterRegistry clusters, Policy policy) {
    return start(config, clusters, policy, null);
  }

  /**
   * Builds and starts everything on an already open store (null: open one from the config); the bot
   * closes the store when it closes, or when it fails to start.
   */
  public static Bot start(
      JamieConfig config, ClusterRegistry clusters, Policy policy, Mongo store) {
    return start(config, clusters, policy, store, System.getenv());
  }

  /**
   * As above, with the environment the agents' model settings come from ({@code
   * JAMIE_LLM_BASE_URL}, API keys…), so the demo can point them at its scripted model.
   */
  public static Bot start(
      JamieConfig config,
      ClusterRegistry clusters,
      Policy policy,
      Mongo store,
      Map<String, String> env) {
    Bot bot = new Bot(config, clusters, policy, store, env);
    try {
      bot.startAll();
      return bot;
    } catch (RuntimeException e) {
      bot.close();
      throw e;
    }
  }

  private void startAll() {
    Clock clock = Clock.systemUTC();
    // a bad definition fails the start before anything opens
    agents = StartupFiles.agents(config, env);
    telemetry = BotTelemetry.start(env);
    // tenants are listed while the store opens and the Slack app is built
    kamajiStart =
        CompletableFuture.supplyAsync(
            () -> Kamaji.start(config, clusters),
            r -> Thread.ofVirtual().name("kamaji-start").start(r));
    if (store == null) {
      store = Mongo.open(config.mongodbUri(), config.dataDir());
    }
    audit = new AuditLog(store.database(), clock, telemetry.telemetry().meters());
    approvals = new Approvals(store.database(), clock);
    policyEngine = new PolicyEngine(policy, config.approvalTtl());
    StartupFiles.logPolicy(policy);
    Slack slack = BoltApps.slack(config, telemetry.telemetry());
    app = BoltApps.create(config, slack, telemetry.telemetry());
    KubernetesReads reads = new Fabric8KubernetesReads(clusters, clock);
    BlockKitRenderer renderer = new BlockKitRenderer();
    SlackReplier replier = new SlackReplier(slack, config.botToken(), renderer);
    Monitoring monitoring = Monitoring.of(config.observability(), config.grafana());
    ArgoCdClient argo = AgentIntegrations.argoCd(config);
    // memory starts below, so the alerts' runbooks are looked up late
    alerts =
        BotAlerts.start(
            config,
            store,
            replier,
            clock,
            clusters,
            reads,
            monitoring.prometheus(),
            () -> memory == null ? null : memory.store());
    alerts.measure(telemetry.telemetry());
    work.measure(telemetry.telemetry().meters());
    ChannelDefaults channelDefaults = new ChannelDefaults(store.database(), clock);
    memory =
        MemoryServices.start(
            config.memory(), store.database(), clock, telemetry.telemetry().meters());
    AtomicReference<AgentDesk> desk = new AtomicReference<>();
    log.info("monitoring: {}", config.observability());
    Commands commands =
        Commands.standard(
            channelDefaults,
            memory == null ? null : memory::store,
            config.memory().noteTtl(),
            () -> desk.get() != null && desk.get().canInvestigate(),
            () -> agentServices == null ? null : agentServices.overview(),
            () -> monitoring,
            () -> argo,
            () -> health == null ? null : health.report());
    // a question asked during the first runbook indexing is answered when it is done
    FollowUps followUps = new FollowUps();
    if (memory != null) {
      commands =
          commands.with(
              new RunbookCommand(
                  memory::store, memory.runbooks(), followUps, RunbookCommand.WAIT_FOR_INDEXING));
    }
    Actions actions = new Actions(clusters, clock, argo);
    SlackUserGroups groups = new SlackUserGroups(slack.methods(), config.botToken(), clock);
    ApprovalFlow flow =
        new ApprovalFlow(
            policyEngine, actions, approvals, audit, commands, clusters, reads, clock, groups);
    if (config.grafana() != null) {
      flow.onExecuted(
          new GrafanaAnnotations(
              new GrafanaClient(
                  config.grafana().url(), config.grafana().token(), Duration.ofSeconds(10)),
              clock));
      log.info("writes are annotated on Grafana at {}", SafeUrls.strip(config.grafana().url()));
    }
    Conversation conversation =
        new Conversation(
            new CommandRunner(
                commands,
                memory == null ? null : memory.plainEnglish(),
                () -> desk.get() != null && desk.get().available(),
                telemetry.telemetry()),
            clusters,
            reads,
            replier,
            clock,
            audit,
            flow,
            channelDefaults,
            policyEngine::identityOf);
    agentServices =
        AgentServices.start(
            agents,
            PromptLibrary.standard(config.promptsDir()),
            config.agents(),
            env,
            store.database(),
            clock,
            new AgentServices.Wiring(
                clusters,
                reads,
                policyEngine::identityOf,
                new Fabric8Diagnoser(clusters, clock),
                memory == null ? null : memory::store,
                replier,
                new AgentProposals(new ProposalJudge(policyEngine, actions)),
                conversation::context,
                groups,
                AgentIntegrations.of(config, monitoring, argo),
                telemetry.telemetry()));
    desk.set(agentServices.desk());
    conversation.agents(agentServices.desk());
    conversation.followUps(followUps);
    new SlackHandlers(
            conversation,
            Deliveries.standard(),
            work,
            renderer,
            new AppHome(
                clusters, reads, renderer, flow, audit, new Fabric8Diagnoser(clusters, clock)),
            flow,
            replier)
        .alerts(
            new AlertControls(
                alerts.groups(),
                alerts::refresh,
                policyEngine,
                groups,
                audit,
                monitoring.alertmanager(),
                clusters,
                clock))
        .register(
            app,
            config.slashCommand(),
            AgentIntegrations.slashCommands(agents, config.slashCommand()));
    app.start();
    kamaji = joinKamaji();

    SlackHttpAdapter adapter =
        config.slackMode() == SlackMode.HTTP
            ? new SlackHttpAdapter(app, config.signingSecret())
            : null;
    http =
        new HttpServer(
                config.httpBind(), config.httpPort(), adapter, this::readiness, alerts.hooks())
            .start();

    if (config.slackMode() == SlackMode.SOCKET) {
      socketMode = BoltApps.startSocketMode(config, app);
    }
    health =
        BotHealth.checks(
            config,
            slack,
            this::socketConnected,
            store,
            clusters,
            agents,
            env,
            argo,
            monitoring,
            alerts);
    if (config.managementPort() != JamieConfig.MANAGEMENT_OFF) {
      management =
          new ManagementServer(
                  config.managementPort(), this::readiness, () -> health.latest().toJson())
              .start();
      log.info(
          "dependency details: GET http://{}:{}/health (loopback only)",
          ManagementServer.BIND,
          management.port());
    }
    HealthMetrics healthMetrics = new HealthMetrics(telemetry.telemetry().meters());
    http.metrics(
        () -> {
          healthMetrics.update(health.latest());
          return telemetry.scrape();
        });
    log.info(
        "bot started: slack mode {}, http port {}, {} cluster(s), {}",
        config.slackMode().name().toLowerCase(java.util.Locale.ROOT),
        http.port(),
        clusters.clusters().size(),
        store.description());
  }

  /**
   * Waits for discovery; its failure is rethrown as it was, so its message reaches the operator.
   */
  private KamajiDiscovery joinKamaji() {
    try {
      return kamajiStart.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The agents at work (runtimes, desk, state). */
  public AgentServices agentServices() {
    return agentServices;
  }

  /** Failing readiness checks by name; empty when ready. */
  public Map<String, String> readiness() {
    Map<String, String> failing = new LinkedHashMap<>();
    if (app == null || app.status() != App.Status.Running) {
      failing.put("slack_app", "not started");
    }
    if (config.slackMode() == SlackMode.SOCKET && !socketConnected()) {
      failing.put("socket_mode", "not connected to Slack");
    }
    if (health != null && failing.isEmpty()) {
      // once Slack is up, so the first round sees the socket; only MongoDB may fail readiness
      failing.putAll(health.latest().failingRequired());
    }
    return failing;
  }

  /** Whether the Socket Mode connection to Slack is up. */
  boolean socketConnected() {
    return BoltApps.connected(socketMode);
  }

  /** The MongoDB store (shared state). */
  public Mongo store() {
    return store;
  }

  /** The audit trail. */
  public AuditLog audit() {
    return audit;
  }

  /** Approvals waiting for a click. */
  public Approvals approvals() {
    return approvals;
  }

  /** Who may do what where. */
  public PolicyEngine policy() {
    return policyEngine;
  }

  /** Runbooks, notes and plain English; null when memory is off. */
  public MemoryServices memory() {
    return memory;
  }

  /** The agents in use. */
  public AgentDefinitions agents() {
    return agents;
  }

  /** Alert intake (webhooks, groups, their Slack messages). */
  public AlertIntake alerts() {
    return alerts;
  }

  /** The HTTP server's port. */
  public int httpPort() {
    return http.port();
  }

  /** The management server's port on 127.0.0.1, or -1 when it is off. */
  public int managementPort() {
    return management == null ? JamieConfig.MANAGEMENT_OFF : management.port();
  }

  @Override
  public void close() {
    Shutdown.stop("Socket Mode", socketMode, () -> socketMode.close());
    Shutdown.stop("the HTTP server", http, () -> http.close());
    Shutdown.stop("the management server", management, () -> management.close());
    Shutdown.stop("the Bolt app", app, () -> app.stop());
    work.close();
    Shutdown.stop("alert intake", alerts, () -> alerts.close());
    Shutdown.stop("the agents", agentServices, () -> agentServices.close());
    if (kamaji != null) {
      kamaji.close();
    } else if (kamajiStart != null) {
      // started beside a step that failed
      kamajiStart
          .thenAccept(d -> Optional.ofNullable(d).ifPresent(KamajiDiscovery::close))
          .exceptionally(e -> null)
          .join();
    }
    Shutdown.stop("memory", memory, () -> memory.close());
    Shutdown.stop("the store", store, () -> store.close());
    Shutdown.stop("telemetry", telemetry, () -> telemetry.close());
  }

  /** Metrics and spans. */
  public BotTelemetry telemetry() {
    return telemetry;
  }
}
