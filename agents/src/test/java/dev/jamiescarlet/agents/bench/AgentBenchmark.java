package dev.jamiescarlet.agents.bench;

import dev.jamiescarlet.agents.feedback.AgentAnswers;
import dev.jamiescarlet.agents.models.ModelGuards;
import dev.jamiescarlet.agents.mongo.EmbeddedMongo;
import dev.jamiescarlet.agents.runtime.AgentOutcome;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.AgentState;
import dev.jamiescarlet.agents.runtime.ReplyStream;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.threads.MongoChatMemoryStore;
import dev.jamiescarlet.agents.threads.ThreadMemories;
import dev.jamiescarlet.agents.usage.ModelPrices;
import dev.jamiescarlet.agents.usage.TokenBudgets;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The agents benchmark (a program, not a test): Jamie's streaming {@code converse} over the real
 * LangChain4j OpenAI client and a scripted model server on loopback HTTP, tools over an in-memory
 * cluster.
 *
 * <pre>
 * overhead [warmup measured]   per-round agent overhead: (wall - server time) / model calls
 * load [conversations]         conversations at once, 2 s per model reply, at each bound
 * all                          both (default)
 * </pre>
 *
 * <p>Env: BENCH_STATE = none | mongo | both (default both), BENCH_BOUNDS = 64,256.
 */
public final class AgentBenchmark {
  private static final String QUESTION = "why is checkout crashing in shop?";

  private AgentBenchmark() {}

  public static void main(String[] args) throws Exception {
    // as uvicorn and vLLM do; without it Nagle holds each streamed chunk for the client's delayed
    // ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
    String mode = args.length > 0 ? args[0] : "all";
    List<String> states = states(System.getenv().getOrDefault("BENCH_STATE", "both"));
    int[] bounds =
        Arrays.stream(System.getenv().getOrDefault("BENCH_BOUNDS", "64,256").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim()))
            .toArray();
    System.out.printf(
        Locale.ROOT,
        "java %s, %d CPUs, max heap %d MiB, load average %s%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        loadAverage());
    if (mode.equals("overhead") || mode.equals("all")) {
      int warmup = intArg(args, 1, 300);
      int measured = intArg(args, 2, 1000);
      for (String state : states) {
        try (StateHandle handle = StateHandle.open(state)) {
          overhead(handle, warmup, measured);
        }
      }
    }
    if (mode.equals("load") || mode.equals("all")) {
      int conversations = intArg(args, mode.equals("load") ? 1 : 3, 1000);
      List<LoadRun.Result> results = new ArrayList<>();
      for (String state : states) {
        for (int bound : bounds) {
          try (StateHandle handle = StateHandle.open(state)) {
            results.add(LoadRun.run(handle.state(), state, bound, conversations));
          }
        }
      }
      LoadRun.print(results);
    }
    System.out.println("load average at the end: " + loadAverage());
  }

  /** Sequential 3-call conversations at zero model latency; the server's own time is subtracted. */
  private static void overhead(StateHandle handle, int warmup, int measured) throws IOException {
    try (ScriptedModelServer server = ScriptedModelServer.start(BenchAgent.threeRounds(), 0)) {
      ModelGuards guards = BenchAgent.guards(16);
      AgentRuntime runtime =
          BenchAgent.runtime(BenchAgent.definition(server, 4, 16), guards, handle.state());
      int rounds = 3;
      for (int i = 0; i < warmup; i++) {
        check(converse(runtime, i), server);
      }
      double[] perRound = new double[measured];
      double[] wall = new double[measured];
      double[] inServer = new double[measured];
      String before = loadAverage();
      for (int i = 0; i < measured; i++) {
        ScriptedModelServer.Load start = server.load();
        long t0 = System.nanoTime();
        AgentOutcome outcome = converse(runtime, warmup + i);
        long elapsed = System.nanoTime() - t0;
        check(outcome, server);
        // the server counts a request after closing its exchange, which can trail the client
        ScriptedModelServer.Load end = settled(server, start.requests() + rounds);
        if (end.requests() - start.requests() != rounds) {
          throw new IllegalStateException(
              "expected " + rounds + " model calls, saw " + (end.requests() - start.requests()));
        }
        long served = end.handlingNanos() - start.handlingNanos();
        wall[i] = elapsed / 1e6;
        inServer[i] = served / 1e6;
        perRound[i] = (elapsed - served) / 1e6 / rounds;
      }
      System.out.printf(
          Locale.ROOT,
          "%n## Agent overhead per model round (state %s; %d conversations of 3 model calls, 2 tool"
              + " calls, after %d warm-up; load average %s before, %s after)%n%n",
          handle.name(),
          measured,
          warmup,
          before,
          loadAverage());
      System.out.println("| | p50 ms | p90 ms | p99 ms | max ms | mean ms |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      row("overhead per round (wall - server) / 3", perRound);
      row("conversation wall time", wall);
      row("time inside the scripted server", inServer);
    }
  }

  private static ScriptedModelServer.Load settled(ScriptedModelServer server, long requests) {
    long deadline = System.nanoTime() + 1_000_000_000L;
    ScriptedModelServer.Load load = server.load();
    while (load.requests() < requests && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      load = server.load();
    }
    return load;
  }

  static AgentOutcome converse(AgentRuntime runtime, int i) {
    return runtime.converse(BenchAgent.asker(i), QUESTION, BenchAgent.tools(), ReplyStream.none());
  }

  /** Fails the run on anything but the scripted answer: a benchmark of errors measures nothing. */
  static void check(AgentOutcome outcome, ScriptedModelServer server) {
    if (!(outcome instanceof AgentOutcome.Answered a) || !a.text().equals(BenchAgent.ANSWER)) {
      throw new IllegalStateException(
          "unexpected outcome " + outcome + "; server problems: " + server.problems());
    }
  }

  private static void row(String name, double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
        name,
        pct(sorted, 50),
        pct(sorted, 90),
        pct(sorted, 99),
        sorted[sorted.length - 1],
        Arrays.stream(sorted).average().orElse(0));
  }

  static double pct(double[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static int intArg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  private static List<String> states(String value) {
    return switch (value) {
      case "none" -> List.of("none");
      case "mongo" -> List.of("mongo");
      case "both" -> List.of("none", "mongo");
      default ->
          throw new IllegalArgumentException(
              "BENCH_STATE is " + value + ": use none, mongo or both");
    };
  }

  /** The agents' state: none, or the bot's embedded MongoDB (H2 file) in a temporary directory. */
  record StateHandle(String name, AgentState state, EmbeddedMongo mongo, Path dir)
      implements AutoCloseable {
    static StateHandle open(String name) throws IOException {
      if (name.equals("none")) {
        return new StateHandle(name, AgentState.NONE, null, null);
      }
      Path dir = Files.createTempDirectory("agent-bench");
      EmbeddedMongo mongo = EmbeddedMongo.on(dir.resolve("jamie.mv"));
      Clock clock = Clock.systemUTC();
      AgentState state =
          new AgentState(
              new ThreadMemories(new MongoChatMemoryStore(mongo.db(), clock)),
              new TokenBudgets(mongo.db(), clock, 200_000, 1_000_000, ModelPrices.standard()),
              new AgentAnswers(mongo.db(), clock));
      return new StateHandle("embedded MongoDB", state, mongo, dir);
    }

    @Override
    public void close() throws IOException {
      if (mongo != null) {
        mongo.close();
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** Runs {@code n} tasks on virtual threads and waits for all. */
  static <T> List<T> onVirtualThreads(int n, java.util.function.IntFunction<T> task)
      throws Exception {
    List<T> results = new ArrayList<>(n);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.apply(index)));
      }
      for (Future<T> f : futures) {
        results.add(f.get());
      }
    }
    return results;
  }
}
