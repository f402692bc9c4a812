package dev.jamiescarlet.bot;

import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.bot.config.ConfigException;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.http.StartupException;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.sandbox.DemoCluster;
import dev.jamiescarlet.bot.sandbox.DemoTenants;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.SlackSandbox;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo in one process: the sandbox Slack with its console, the demo cluster, and the bot in
 * Socket Mode connected to the sandbox exactly as it would connect to Slack.
 */
public final class Demo implements AutoCloseable {
  /** The demo cluster's name in the registry. */
  public static final String CLUSTER = "demo";

  /**
   * Set to {@code true} (by {@code demo --scripted-model}) to run the agents on the demo dialogue.
   */
  public static final String SCRIPTED_MODEL = "JAMIE_DEMO_SCRIPTED_MODEL";

  /** The demo's webhook token (see the README's curl). */
  public static final String HOOK_TOKEN = "demo-hook-token";

  /** The sandbox's #alerts channel, where the demo posts alerts. */
  public static final String ALERT_CHANNEL = "C0ALERTS";

  private static final long READY_TIMEOUT_MILLIS = 20_000;
  private static final Duration RUNBOOKS_WAIT = Duration.ofSeconds(60);
  private ScriptedModelServer scriptedModel;
  private LocalArgoCd argoCd;

  private DemoCluster cluster;
  private DemoTenants tenants;
  private CompletableFuture<DemoTenants> tenantsStart;
  private SlackSandbox sandbox;
  private KubeconfigClusterRegistry clusters;
  private Bot bot;
  private Path tempDataDir;
  private CompletableFuture<Mongo> store;
  private CompletableFuture<SlackSandbox> sandboxStart;

  private Demo() {}

  /** Starts everything, reports how long it took, and blocks until Ctrl-C. Returns an exit code. */
  static int run(Map<String, String> env) {
    Logger log = LoggerFactory.getLogger(Demo.class);
    Demo demo = null;
    try {
      demo = start(env);
      // "ready" means a runbook question is answered: wait (bounded) for the first indexing
      String runbooks =
          demo.bot.memory() == null
              ? "memory off"
              : demo.bot.memory().runbooks().await(RUNBOOKS_WAIT);
      long startedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
      double seconds = (System.currentTimeMillis() - startedAt) / 1000.0;
      String console = "http://localhost:" + demo.sandbox.port();
      log.info(
          "Jamie demo ready in {} s (JVM start to ready), {}. Console: {} · bot: http://localhost:{}/healthz · Ctrl-C stops it",
          String.format(Locale.ROOT, "%.1f", seconds),
          runbooks,
          console,
          demo.bot.httpPort());
      Main.awaitShutdown(demo);
      return 0;
    } catch (ConfigException | StartupException | IllegalStateException e) {
      return Main.fail(e.getMessage(), demo);
    }
  }

  /** Starts the demo without blocking (tests use this). */
  public static Demo start(Map<String, String> env) {
    Demo demo = new Demo();
    try {
      demo.startAll(env);
      return demo;
    } catch (RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  private void startAll(Map<String, String> env) {
    // validate the operator's settings first, with the sandbox's tokens filled in
    Map<String, String> demoEnv = new HashMap<>(env);
    SandboxConfig defaults = SandboxConfig.defaults(0);
    demoEnv.put("JAMIE_SLACK_MODE", "socket");
    demoEnv.put("SLACK_BOT_TOKEN", defaults.botToken());
    demoEnv.put("SLACK_APP_TOKEN", defaults.appToken());
    demoEnv.remove("SLACK_API_URL");
    // the demo's hook token is published: its port stays on this machine unless the operator says
    if (blank(env.get("JAMIE_HTTP_BIND"))) {
      demoEnv.put("JAMIE_HTTP_BIND", "127.0.0.1");
    }
    // the demo cluster is a Kamaji management cluster with two tenants
    demoEnv.putIfAbsent("JAMIE_KAMAJI_ENABLED", "true");
    demoEnv.putIfAbsent("JAMIE_KAMAJI_CLUSTER", CLUSTER);
    // alerts posted to the webhooks land in #alerts
    demoEnv.putIfAbsent("JAMIE_HOOK_TOKEN", HOOK_TOKEN);
    demoEnv.putIfAbsent("JAMIE_ALERT_CHANNEL", ALERT_CHANNEL);
    if (blank(env.get("JAMIE_DATA_DIR")) && blank(env.get("MONGODB_URI"))) {
      // a fresh store per run unless the operator asks to keep one
      tempDataDir = createTempDir();
      demoEnv.put("JAMIE_DATA_DIR", tempDataDir.toString());
    }
    if (blank(env.get("JAMIE_ARGOCD_URL"))) {
      // the demo's Argo CD: the local fake with the shop's applications (checkout, catalog)
      argoCd = LocalArgoCd.start();
      demoEnv.put("JAMIE_ARGOCD_URL", argoCd.url());
      demoEnv.put("JAMIE_ARGOCD_TOKEN", LocalArgoCd.TOKEN);
    }
    if ("true".equalsIgnoreCase(env.get(SCRIPTED_MODEL)) && blank(env.get("JAMIE_LLM_BASE_URL"))) {
      scriptedModel = ScriptedModel.startDemo();
      demoEnv.put("JAMIE_LLM_BASE_URL", scriptedModel.baseUrl() + "/v1");
      LoggerFactory.getLogger(Demo.class)
          .info("agents run on the scripted demo model at {}/v1", scriptedModel.baseUrl());
    }
    JamieConfig checked = JamieConfig.fromEnv(demoEnv);

    // the store starts while the cluster and the sandbox do: it is on the demo's critical path
    store =
        CompletableFuture.supplyAsync(
            () -> Mongo.open(checked.mongodbUri(), checked.dataDir()),
            r -> Thread.ofVirtual().name("store-start").start(r));
    // the sandbox starts beside the cluster: two cores load their classes at once
    sandboxStart =
        CompletableFuture.supplyAsync(
            () -> new SlackSandbox(SandboxConfig.defaults(checked.sandboxPort())).start(),
            r -> Thread.ofVirtual().name("sandbox-start").start(r));
    // the tenants' API servers start beside the demo cluster
    tenantsStart =
        CompletableFuture.supplyAsync(
            () -> DemoTenants.start(Clock.systemUTC()),
            r -> Thread.ofVirtual().name("tenants-start").start(r));
    cluster = DemoCluster.start();
    tenants = join(tenantsStart);
    tenants.publish(cluster);
    sandbox = join(sandboxStart);
    demoEnv.put("SLACK_API_URL", sandbox.apiUrl());
    // the demo has no Prometheus: alert charts come from the sandbox's synthetic one
    demoEnv.putIfAbsent("JAMIE_PROMETHEUS_URL", sandbox.demoPrometheusUrl());
    // nor an Alertmanager: Silence buttons and `alerts` use the sandbox's stand-in
    demoEnv.putIfAbsent("JAMIE_ALERTMANAGER_URL", sandbox.demoAlertmanagerUrl());
    JamieConfig config = JamieConfig.fromEnv(demoEnv);

    Map<String, io.fabric8.kubernetes.client.KubernetesClient> clients = new LinkedHashMap<>();
    clients.put(CLUSTER, cluster.client());
    clusters = KubeconfigClusterRegistry.of(clients, CLUSTER, "demo (fabric8 mock API server)");
    Policy policy = config.policyFile() != null ? StartupFiles.policy(config) : Policy.demo();
    bot = Bot.start(config, clusters, policy, join(store), demoEnv);
    // the console's Fire demo alert goes through the bot's real webhook
    sandbox
        .demoControls()
        .connect(
            URI.create("http://127.0.0.1:" + bot.httpPort() + "/hooks/alertmanager"),
            config.alerts().alertmanagerToken() != null
                ? config.alerts().alertmanagerToken()
                : config.alerts().hookToken());
    awaitReady();
  }

  /**
   * Waits for a start-up task; its failure is rethrown as it was, so its message reaches the user.
   */
  private static <T> T join(CompletableFuture<T> task) {
    try {
      return task.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void awaitReady() {
    long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
    while (!bot.readiness().isEmpty()) {
      if (System.currentTimeMillis() > deadline) {
        throw new StartupException(
            "The bot did not connect to the sandbox within 20 s: " + bot.readiness(), null);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartupException("interrupted while starting the demo", e);
      }
    }
  }

  /** The sandbox Slack. */
  public SlackSandbox sandbox() {
    return sandbox;
  }

  /** The bot. */
  public Bot bot() {
    return bot;
  }

  /** The scripted model the agents use, or null when the demo runs without one. */
  public ScriptedModelServer scriptedModel() {
    return scriptedModel;
  }

  /** The demo's Kamaji tenant clusters. */
  public DemoTenants tenants() {
    return tenants;
  }

  /** The demo's local Argo CD, or null when JAMIE_ARGOCD_URL points elsewhere. */
  public LocalArgoCd argoCd() {
    return argoCd;
  }

  /** The demo cluster, for tests that check what a write changed. */
  public DemoCluster cluster() {
    return cluster;
  }

  @Override
  public void close() {
    if (bot != null) {
      bot.close();
    } else if (store != null) {
      // started but never handed to a bot
      store.thenAccept(Mongo::close).exceptionally(e -> null).join();
    }
    if (sandbox != null) {
      sandbox.close();
    } else if (sandboxStart != null) {
      // started beside a cluster that failed
      sandboxStart.thenAccept(SlackSandbox::close).exceptionally(e -> null).join();
    }
    if (clusters != null) {
      clusters.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (tenants != null) {
      tenants.close();
    } else if (tenantsStart != null) {
      tenantsStart.thenAccept(DemoTenants::close).exceptionally(e -> null).join();
    }
    if (scriptedModel != null) {
      scriptedModel.close();
    }
    if (argoCd != null) {
      argoCd.close();
    }
    if (tempDataDir != null) {
      deleteTree(tempDataDir);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("jamie-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary data directory", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LoggerFactory.getLogger(Demo.class).warn("could not delete {}: {}", dir, e.getMessage());
    }
  }
}
