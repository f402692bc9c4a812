package dev.jamiescarlet.bot.config;

import dev.jamiescarlet.tools.http.SafeUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bot's configuration, bound from the environment and validated at once: every problem is
 * reported together, each with its fix.
 *
 * @param slackMode socket or http
 * @param botToken xoxb- token
 * @param appToken xapp- token (socket mode), or null
 * @param signingSecret signing secret (http mode), or null
 * @param slackApiUrl Web API base URL, ending in /
 * @param authTest whether to call auth.test at start
 * @param slashCommand the slash command, e.g. /jamie
 * @param httpPort HTTP server port (0 = any free port)
 * @param httpBind HTTP bind address
 * @param managementPort management server port on 127.0.0.1 (0 = any free port), or {@link
 *     #MANAGEMENT_OFF}
 * @param kubeconfig kubeconfig path, or null for the default lookup
 * @param defaultCluster default cluster, or null
 * @param kamajiEnabled whether Kamaji tenants are discovered
 * @param kamajiCluster the Kamaji management cluster, or null for the default cluster
 * @param sandboxPort sandbox port (demo only)
 * @param logFormat json or text
 * @param promptsDir prompt override directory, or null
 * @param agentsDir directory of agent definition files, or null for the shipped agents only
 * @param mongodbUri MongoDB connection string, or null for the embedded store
 * @param dataDir directory of the embedded store
 * @param policyFile policy file, or null for read-only without a policy
 * @param approvalTtl how long approvals stay valid unless the policy says otherwise
 * @param memory runbooks, notes and plain-English routing
 * @param agents limits on the agents' model use
 * @param grafana where writes are annotated, or null
 * @param alerts alert webhooks, channel and routes
 * @param observability Prometheus, Alertmanager and Argo CD, each optional
 */
public record JamieConfig(
    SlackMode slackMode,
    String botToken,
    String appToken,
    String signingSecret,
    String slackApiUrl,
    boolean authTest,
    String slashCommand,
    int httpPort,
    String httpBind,
    int managementPort,
    String kubeconfig,
    String defaultCluster,
    boolean kamajiEnabled,
    String kamajiCluster,
    int sandboxPort,
    String logFormat,
    String promptsDir,
    Path agentsDir,
    String mongodbUri,
    Path dataDir,
    Path policyFile,
    Duration approvalTtl,
    MemoryConfig memory,
    AgentsConfig agents,
    GrafanaConfig grafana,
    AlertsConfig alerts,
    ObservabilityConfig observability) {

  /** {@link #managementPort} when JAMIE_MANAGEMENT_PORT is {@code off}: no management server. */
  public static final int MANAGEMENT_OFF = -1;

  /** Reads and validates; throws {@link ConfigException} listing every problem. */
  public static JamieConfig fromEnv(Map<String, String> env) {
    Reader r = new Reader(env);
    SlackMode mode = r.mode();
    String botToken =
        r.token(Settings.SLACK_BOT_TOKEN, "xoxb-", "a bot token from OAuth & Permissions", true);
    String appToken =
        r.token(
            Settings.SLACK_APP_TOKEN,
            "xapp-",
            "an app-level token (Basic Information → App-Level Tokens, scope connections:write);"
                + " Socket Mode needs it",
            mode == SlackMode.SOCKET);
    String secret = r.get(Settings.SLACK_SIGNING_SECRET);
    if (mode == SlackMode.HTTP && secret == null) {
      r.problem(
          "SLACK_SIGNING_SECRET is not set; http mode needs it to verify requests"
              + " (Basic Information → Signing Secret)");
    }
    String apiUrl = r.url(Settings.SLACK_API_URL);
    boolean authTest = r.bool(Settings.SLACK_AUTH_TEST);
    boolean kamaji = r.bool(Settings.KAMAJI_ENABLED);
    String slash = r.get(Settings.SLASH_COMMAND);
    if (!slash.startsWith("/") || slash.length() < 2) {
      r.problem("JAMIE_SLASH_COMMAND must start with / (e.g. /jamie), not `" + slash + "`");
    }
    int httpPort = r.port(Settings.HTTP_PORT);
    int managementPort = r.managementPort(httpPort);
    int sandboxPort = r.port(Settings.SANDBOX_PORT);
    String format = r.get(Settings.LOG_FORMAT).toLowerCase(Locale.ROOT);
    if (!format.equals("json") && !format.equals("text")) {
      r.problem("JAMIE_LOG_FORMAT must be `json` or `text`, not `" + format + "`");
    }
    String mongodbUri = r.mongodbUri();
    Path dataDir = Path.of(r.get(Settings.DATA_DIR));
    Path policyFile = r.policyFile();
    Path agentsDir = r.directory(Settings.AGENTS_DIR);
    Duration approvalTtl = r.duration(Settings.APPROVAL_TTL);
    MemoryConfig memory =
        new MemoryConfig(
            r.bool(Settings.MEMORY),
            r.get(Settings.EMBEDDING_MODEL_PATH),
            r.bool(Settings.EMBEDDING_QUANTIZED),
            r.directory(Settings.RUNBOOKS_DIR),
            r.duration(Settings.NOTE_TTL));
    AgentsConfig agents =
        new AgentsConfig(
            (int) r.count(Settings.LLM_CONCURRENCY, 1),
            r.count(Settings.TOKENS_PER_USER_DAY, 0),
            r.count(Settings.TOKENS_PER_CHANNEL_DAY, 0));
    String grafanaUrl = r.get(Settings.GRAFANA_URL) == null ? null : r.url(Settings.GRAFANA_URL);
    GrafanaConfig grafana =
        grafanaUrl == null ? null : new GrafanaConfig(grafanaUrl, r.get(Settings.GRAFANA_TOKEN));
    AlertsConfig alerts =
        new AlertsConfig(
            r.get(Settings.HOOK_TOKEN),
            r.get(Settings.HOOK_TOKEN_ALERTMANAGER),
            r.get(Settings.HOOK_TOKEN_GRAFANA),
            r.get(Settings.HOOK_TOKEN_ARGOCD),
            r.get(Settings.ALERT_CHANNEL),
            r.file(Settings.ALERT_ROUTES),
            new EventAlertsConfig(
                r.bool(Settings.EVENT_ALERTS),
                EventAlertsConfig.names(r.get(Settings.EVENT_NAMESPACES)),
                EventAlertsConfig.names(r.get(Settings.EVENT_REASONS)),
                r.duration(Settings.EVENT_QUIET)));
    ObservabilityConfig observability =
        new ObservabilityConfig(
            r.optionalUrl(Settings.PROMETHEUS_URL, "http://prometheus-server.monitoring:9090"),
            r.get(Settings.PROMETHEUS_TOKEN),
            r.optionalUrl(Settings.ALERTMANAGER_URL, "http://alertmanager.monitoring:9093"),
            r.optionalUrl(Settings.ARGOCD_URL, "https://argocd.example/"),
            r.get(Settings.ARGOCD_TOKEN),
            r.bool(Settings.ARGOCD_INSECURE));
    r.throwIfProblems();
    return new JamieConfig(
        mode,
        botToken,
        appToken,
        secret,
        apiUrl,
        authTest,
        slash,
        httpPort,
        r.get(Settings.HTTP_BIND),
        managementPort,
        r.get(Settings.KUBECONFIG.name()),
        r.get(Settings.DEFAULT_CLUSTER),
        kamaji,
        r.get(Settings.KAMAJI_CLUSTER),
        sandboxPort,
        format,
        r.get(Settings.PROMPTS_DIR),
        agentsDir,
        mongodbUri,
        dataDir,
        policyFile,
        approvalTtl,
        memory,
        agents,
        grafana,
        alerts,
        observability);
  }

  /** The same settings with memory switched off (tests that do not need the model). */
  public JamieConfig withoutMemory() {
    return new JamieConfig(
        slackMode,
        botToken,
        appToken,
        signingSecret,
        slackApiUrl,
        authTest,
        slashCommand,
        httpPort,
        httpBind,
        managementPort,
        kubeconfig,
        defaultCluster,
        kamajiEnabled,
        kamajiCluster,
        sandboxPort,
        logFormat,
        promptsDir,
        agentsDir,
        mongodbUri,
        dataDir,
        policyFile,
        approvalTtl,
        new MemoryConfig(
            false, memory.modelPath(), memory.quantized(), memory.runbooksDir(), memory.noteTtl()),
        agents,
        grafana,
        alerts,
        observability);
  }

  /** Secrets stay out of logs and exceptions. */
  @Override
  public String toString() {
    return "JamieConfig[slackMode="
        + slackMode
        + ", slackApiUrl="
        + SafeUrls.strip(slackApiUrl)
        + ", httpPort="
        + httpPort
        + ", defaultCluster="
        + defaultCluster
        + ", secrets=redacted]";
  }

  /** Reads values, collecting problems rather than stopping at the first. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    String get(String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? null : v.strip();
    }

    String get(Setting s) {
      String v = get(s.name());
      return v != null ? v : s.defaultValue();
    }

    void problem(String p) {
      problems.add(p);
    }

    SlackMode mode() {
      String v = get(Settings.SLACK_MODE).toLowerCase(Locale.ROOT);
      return switch (v) {
        case "socket" -> SlackMode.SOCKET;
        case "http" -> SlackMode.HTTP;
        default -> {
          problem("JAMIE_SLACK_MODE must be `socket` or `http`, not `" + v + "`");
          yield SlackMode.SOCKET;
        }
      };
    }

    String token(Setting s, String prefix, String what, boolean required) {
      String v = get(s.name());
      if (v == null) {
        if (required) {
          problem(s.name() + " is not set; it must be " + what + ", starting with " + prefix);
        }
        return null;
      }
      if (!v.startsWith(prefix)) {
        problem(s.name() + " must start with " + prefix + " (it is " + what + ")");
      }
      return v;
    }

    String optionalUrl(Setting s, String example) {
      return get(s) == null ? null : url(s, example);
    }

    String url(Setting s) {
      return url(s, s.defaultValue() == null ? "https://grafana.example/" : s.defaultValue());
    }

    String url(Setting s, String example) {
      String v = get(s);
      try {
        URI uri = new URI(v);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
          throw new URISyntaxException(v, "not http(s)");
        }
      } catch (URISyntaxException e) {
        problem(s.name() + " must be an http(s) URL such as " + example + ", not `" + v + "`");
      }
      return v.endsWith("/") ? v : v + "/";
    }

    boolean bool(Setting s) {
      String v = get(s).toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        problem(s.name() + " must be `true` or `false`, not `" + v + "`");
      }
      return !v.equals("false");
    }

    int port(Setting s) {
      String v = get(s);
      try {
        int p = Integer.parseInt(v);
        if (p < 0 || p > 65_535) {
          throw new NumberFormatException();
        }
        return p;
      } catch (NumberFormatException e) {
        problem(s.name() + " must be a port number from 0 to 65535, not `" + v + "`");
        return 0;
      }
    }

    // beside the HTTP port by default, so two bots on one host (or tests on port 0) do not clash
    int managementPort(int httpPort) {
      String v = get(Settings.MANAGEMENT_PORT.name());
      if (v == null) {
        return httpPort == 0 ? 0 : httpPort == 65_535 ? httpPort - 1 : httpPort + 1;
      }
      if (v.equalsIgnoreCase("off")) {
        return MANAGEMENT_OFF;
      }
      int port = port(Settings.MANAGEMENT_PORT);
      if (port != 0 && port == httpPort) {
        problem(
            "JAMIE_MANAGEMENT_PORT must differ from JAMIE_HTTP_PORT ("
                + httpPort
                + "); unset it to use "
                + (httpPort + 1)
                + ", or set it to off");
      }
      return port;
    }

    String mongodbUri() {
      String v = get(Settings.MONGODB_URI.name());
      if (v != null && !v.startsWith("mongodb://") && !v.startsWith("mongodb+srv://")) {
        problem(
            "MONGODB_URI must start with mongodb:// or mongodb+srv:// (e.g."
                + " mongodb://user:pass@mongo:27017/jamie); unset it to use the embedded store");
      }
      return v;
    }

    Path policyFile() {
      String v = get(Settings.POLICY_FILE.name());
      if (v == null) {
        return null;
      }
      Path p = Path.of(v);
      if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
        problem(
            "JAMIE_POLICY_FILE points at `"
                + v
                + "`, which is not a readable file; mount the policy there or unset it"
                + " (read-only mode, see docs/policy.md)");
      }
      return p;
    }

    long count(Setting s, long min) {
      String v = get(s);
      try {
        long n = Long.parseLong(v.replace("_", "").replace(",", ""));
        if (n < min) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        problem(s.name() + " must be a whole number of at least " + min + ", not `" + v + "`");
        return min;
      }
    }

    Path file(Setting s) {
      String v = get(s);
      if (v == null) {
        return null;
      }
      Path p = Path.of(v);
      if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
        problem(
            s.name()
                + " points at `"
                + v
                + "`, which is not a readable file; mount it or unset it");
      }
      return p;
    }

    Path directory(Setting s) {
      String v = get(s);
      if (v == null) {
        return null;
      }
      Path p = Path.of(v);
      if (!Files.isDirectory(p)) {
        problem(
            s.name() + " points at `" + v + "`, which is not a directory; mount it or unset it");
      }
      return p;
    }

    Duration duration(Setting s) {
      String v = get(s);
      try {
        Duration d = Durations.parse(v);
        if (d.isZero()) {
          throw new IllegalArgumentException("zero");
        }
        return d;
      } catch (IllegalArgumentException e) {
        problem(
            s.name()
                + " must be a duration such as "
                + s.defaultValue()
                + ", 90s or 1h, not `"
                + v
                + "`");
        return Durations.parse(s.defaultValue());
      }
    }

    void throwIfProblems() {
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
    }
  }
}
