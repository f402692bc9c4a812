package dev.jamiescarlet.bot.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * Runs eval cases through the demo's real path: the question is posted in the sandbox Slack, the
 * bot's agent answers on the scripted model (each case's {@code script.yaml}) or on a real
 * endpoint, tools read the demo cluster plus the case's plants, and the answer, the proposals, the
 * tools called and the audit trail are checked against the case's expectations.
 */
public final class EvalRunner implements AutoCloseable {
  /** The model name reported for the scripted model. */
  public static final String SCRIPTED = "scripted";

  /** The model name reported when JAMIE_EVAL_LLM_MODEL is unset: the agents' own. */
  public static final String DEFAULT_MODEL = "(agent default)";

  private static final Pattern EVIDENCE_TOOL = Pattern.compile("`E\\d+` ([a-z_]+)");
  private static final Duration SETTLE = Duration.ofMillis(1500);

  private final Target target;
  private final ScriptedModelServer scriptedServer;
  private final CaseScripts scripts;
  private final Demo demo;
  private final SandboxClient slack;

  /**
   * Where the agents' model is: the scripted server when {@code url} is null.
   *
   * @param model the model name ({@code scripted} for the script)
   * @param url an OpenAI-compatible base URL (…/v1), or null
   * @param apiKey the endpoint's key, or null
   */
  public record Target(String model, String url, String apiKey) {
    /** The scripted model of each case. */
    public static Target scripted() {
      return new Target(SCRIPTED, null, null);
    }

    /**
     * The targets in {@code env}: one per model in {@code JAMIE_EVAL_LLM_MODEL} (comma-separated)
     * at {@code JAMIE_EVAL_LLM_URL}, or the scripted model when that is unset.
     */
    public static List<Target> fromEnv(Map<String, String> env) {
      String url = env.get("JAMIE_EVAL_LLM_URL");
      if (url == null || url.isBlank()) {
        return List.of(scripted());
      }
      String models = env.getOrDefault("JAMIE_EVAL_LLM_MODEL", "");
      List<Target> targets = new ArrayList<>();
      for (String model : models.split(",")) {
        String name = model.isBlank() ? DEFAULT_MODEL : model.strip();
        targets.add(new Target(name, url.strip(), env.get("JAMIE_EVAL_LLM_API_KEY")));
      }
      return targets;
    }

    boolean isScripted() {
      return url == null;
    }
  }

  private EvalRunner(
      Target target,
      ScriptedModelServer server,
      CaseScripts scripts,
      Map<String, String> extraEnv) {
    this.target = target;
    this.scripts = scripts;
    this.scriptedServer = server;
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("JAMIE_SANDBOX_PORT", "0");
    env.put("JAMIE_HTTP_PORT", "0");
    if (target.isScripted()) {
      env.put("JAMIE_LLM_BASE_URL", server.baseUrl() + "/v1");
    } else {
      env.put("JAMIE_LLM_BASE_URL", target.url());
      if (!target.model().equals(DEFAULT_MODEL)) {
        env.put("JAMIE_LLM_MODEL", target.model());
      }
      if (target.apiKey() != null) {
        env.put("JAMIE_LLM_API_KEY", target.apiKey());
      }
    }
    this.demo = Demo.start(env);
    this.slack = new SandboxClient(demo.sandbox().baseUrl());
    if (demo.bot().memory() != null) {
      // the runbooks are indexed in the background a few seconds after start: a case must not race
      // it
      demo.bot().memory().syncNow();
    }
  }

  /** Starts a demo whose agents talk to {@code target}; {@code extraEnv} adds bot settings. */
  public static EvalRunner start(Target target, Map<String, String> extraEnv) {
    ScriptedModelServer server = null;
    CaseScripts scripts = new CaseScripts();
    if (target.isScripted()) {
      try {
        server = ScriptedModelServer.start(scripts, 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the scripted model: " + e.getMessage(), e);
      }
    }
    try {
      return new EvalRunner(target, server, scripts, extraEnv);
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      throw e;
    }
  }

  /** The demo the cases run on. */
  public Demo demo() {
    return demo;
  }

  /** The scripted model server, or null on a real endpoint. */
  public ScriptedModelServer scriptedServer() {
    return scriptedServer;
  }

  /** The sandbox Slack. */
  public SandboxClient slack() {
    return slack;
  }

  /** Runs one case and checks its expectations. */
  public CaseResult run(EvalCase c) {
    if (target.isScripted()) {
      if (c.script() == null) {
        return new CaseResult(
            c.name(),
            target.model(),
            List.of("no script.yaml: add the scripted model's dialogue to the case folder"),
            null);
      }
      scripts.use(c.script());
    }
    int requestsBefore = scriptedServer == null ? 0 : scriptedServer.requests().size();
    long executedBefore = executedWrites();
    Plants.seed(demo.cluster(), c.plants());
    String since = slack.post(c.channel(), c.user(), c.slackText());
    Duration timeout = Duration.ofSeconds(target.isScripted() ? 90 : 300);
    // the asker's own message is not part of the answer: its words must not satisfy expectations
    List<JsonNode> messages =
        awaitFinished(c, since, timeout).stream()
            .filter(m -> !c.user().equals(m.path("user").asText()))
            .toList();
    boolean finished = messages.stream().anyMatch(m -> done(c, text(m)));
    Observation seen =
        observe(messages, requestsBefore, executedWrites() - executedBefore, finished);
    return new CaseResult(c.name(), target.model(), c.expect().check(seen), seen);
  }

  private List<JsonNode> awaitFinished(EvalCase c, String since, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonNode> seen = List.of();
    String lastSnapshot = "";
    long stableSince = System.nanoTime();
    boolean finished = false;
    while (System.nanoTime() < deadline) {
      seen = slack.messagesSince(c.channel(), since);
      String snapshot = seen.toString();
      if (!snapshot.equals(lastSnapshot)) {
        lastSnapshot = snapshot;
        stableSince = System.nanoTime();
      }
      finished = finished || seen.stream().anyMatch(m -> done(c, text(m)));
      // proposals and the report's last edits arrive after the answer: wait until quiet
      if (finished && System.nanoTime() - stableSince > SETTLE.toNanos()) {
        return seen;
      }
      sleep(100);
    }
    return seen;
  }

  private static boolean done(EvalCase c, String text) {
    if ("scarlet".equals(c.agent())) {
      return text.contains("Scarlet finished investigating");
    }
    return text.contains("nothing changes without approval")
        || text.contains("Here is what I can tell you without it")
        || text.contains(":hourglass:")
        || text.contains("Ask a narrower question");
  }

  private Observation observe(
      List<JsonNode> messages, int requestsBefore, long executed, boolean finished) {
    Set<String> tools = new LinkedHashSet<>();
    List<String> proposals = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    StringBuilder answer = new StringBuilder();
    for (JsonNode m : messages) {
      String text = text(m);
      answer.append(text).append('\n');
      Matcher evidence = EVIDENCE_TOOL.matcher(text);
      while (evidence.find()) {
        tools.add(evidence.group(1));
      }
      if (text.contains("Proposed by")) {
        proposals.add(text);
      } else if (text.contains("but I won't propose it")) {
        refusals.add(text);
      }
    }
    if (!proposals.isEmpty() || !refusals.isEmpty()) {
      tools.add("propose_action");
    }
    if (scriptedServer != null) {
      List<JsonNode> requests = scriptedServer.requests();
      for (JsonNode body : requests.subList(requestsBefore, requests.size())) {
        for (JsonNode message : body.path("messages")) {
          for (JsonNode call : message.path("tool_calls")) {
            tools.add(call.path("function").path("name").asText());
          }
        }
      }
    }
    return new Observation(tools, answer.toString(), proposals, refusals, executed, finished);
  }

  /** A message's readable text: its own and its blocks', without ids and button values. */
  static String text(JsonNode message) {
    StringBuilder sb = new StringBuilder();
    collectText(message, sb);
    return sb.toString();
  }

  // findValues stops at the first "text" of a branch; blocks nest {"text": {"text": "…"}}
  private static void collectText(JsonNode node, StringBuilder sb) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("text") && e.getValue().isTextual()) {
                  sb.append(e.getValue().asText()).append('\n');
                } else {
                  collectText(e.getValue(), sb);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectText(n, sb));
    }
  }

  /** Audit records in phase {@code executed} so far. */
  public long executedWrites() {
    return demo.bot()
        .store()
        .database()
        .getCollection("audit")
        .countDocuments(new Document("phase", "executed"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the agent", e);
    }
  }

  @Override
  public void close() {
    demo.close();
    if (scriptedServer != null) {
      scriptedServer.close();
    }
  }

  /** Runs every case on every target, one demo per target. */
  public static List<CaseResult> runAll(List<EvalCase> cases, List<Target> targets) {
    List<CaseResult> results = new ArrayList<>();
    for (Target t : targets) {
      try (EvalRunner runner = start(t, Map.of())) {
        for (EvalCase c : cases) {
          results.add(runner.run(c));
        }
      }
    }
    return results;
  }

  /** {@code bench/evals.sh}: runs {@code evals/} (or {@code --cases DIR}) and prints the table. */
  public static void main(String[] args) {
    Path root = Path.of(args.length == 2 && args[0].equals("--cases") ? args[1] : "evals");
    List<EvalCase> cases = EvalCase.loadAll(root);
    List<CaseResult> results = runAll(cases, Target.fromEnv(System.getenv()));
    // a program's table output, as for the benchmarks
    System.out.print(EvalTable.render(results));
    System.exit(results.stream().allMatch(CaseResult::passed) ? 0 : 1);
  }
}
