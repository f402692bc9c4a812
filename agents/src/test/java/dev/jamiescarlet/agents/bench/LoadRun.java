package dev.jamiescarlet.agents.bench;

import dev.jamiescarlet.agents.models.ModelGuards;
import dev.jamiescarlet.agents.runtime.AgentOutcome;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.AgentState;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Many short conversations at once (one read_logs, then the answer), each model reply taking 2 s,
 * with the model calls bounded by {@link ModelGuards} and the agent's own limit out of the way.
 */
final class LoadRun {
  static final Duration LATENCY = Duration.ofSeconds(2);

  private LoadRun() {}

  /**
   * One run's figures.
   *
   * @param latencyMs each conversation's wall time, sorted
   */
  record Result(
      String state,
      int bound,
      int conversations,
      int completed,
      int errors,
      List<String> firstErrors,
      double wallSeconds,
      int serverPeak,
      int guardsPeak,
      long liveHeap,
      long maxRss,
      int peakThreads,
      double[] latencyMs,
      String loadBefore,
      String loadAfter) {}

  static Result run(AgentState state, String stateName, int bound, int conversations)
      throws Exception {
    warmUp(state);
    try (ScriptedModelServer server = ScriptedModelServer.start(BenchAgent.twoRounds(LATENCY), 0)) {
      ModelGuards guards = BenchAgent.guards(bound);
      AgentRuntime runtime =
          BenchAgent.runtime(BenchAgent.definition(server, 4, conversations * 2), guards, state);
      ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
      String before = AgentBenchmark.loadAverage();
      ProcessStats.liveHeap();
      ManagementFactory.getThreadMXBean().resetPeakThreadCount();
      server.resetPeak();
      long t0 = System.nanoTime();
      List<Double> latencies;
      long maxRss;
      long liveHeap;
      try (ProcessStats stats = ProcessStats.start(5000)) {
        latencies =
            AgentBenchmark.onVirtualThreads(
                conversations,
                i -> {
                  long start = System.nanoTime();
                  AgentOutcome outcome = AgentBenchmark.converse(runtime, i);
                  if (!(outcome instanceof AgentOutcome.Answered a)
                      || !a.text().equals(BenchAgent.ANSWER)) {
                    errors.add(String.valueOf(outcome));
                    return -1.0;
                  }
                  return (System.nanoTime() - start) / 1e6;
                });
        maxRss = stats.maxRss();
        liveHeap = stats.maxLiveHeap();
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double[] ok = latencies.stream().mapToDouble(d -> d).filter(d -> d >= 0).sorted().toArray();
      int guardsPeak =
          guards.state().stream().mapToInt(ModelGuards.ModelState::peakInFlight).max().orElse(0);
      return new Result(
          stateName,
          bound,
          conversations,
          ok.length,
          errors.size(),
          errors.stream().limit(3).toList(),
          wall,
          server.load().peakInFlight(),
          guardsPeak,
          liveHeap,
          maxRss,
          ManagementFactory.getThreadMXBean().getPeakThreadCount(),
          ok,
          before,
          AgentBenchmark.loadAverage());
    }
  }

  /** JIT warm-up on the same code path, at zero latency, before the measured run. */
  private static void warmUp(AgentState state) throws Exception {
    try (ScriptedModelServer server =
        ScriptedModelServer.start(BenchAgent.twoRounds(Duration.ZERO), 0)) {
      AgentRuntime runtime =
          BenchAgent.runtime(BenchAgent.definition(server, 4, 64), BenchAgent.guards(16), state);
      AgentBenchmark.onVirtualThreads(
          400,
          i -> {
            AgentBenchmark.check(AgentBenchmark.converse(runtime, 1_000_000 + i), server);
            return null;
          });
    }
  }

  static void print(List<Result> results) {
    System.out.printf(
        Locale.ROOT,
        "%n## Concurrent conversations (1 tool round + answer, %d ms per model reply)%n%n",
        LATENCY.toMillis());
    System.out.println(
        "| state | bound | conversations | completed | errors | wall s | conv/s | ideal s"
            + " | p50 / p99 conv s | peak in flight (server / guards) | live heap MiB | max RSS MiB"
            + " | peak threads | load avg before → after |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (Result r : results) {
      double ideal = Math.ceil(r.conversations() * 2.0 / r.bound()) * LATENCY.toMillis() / 1000.0;
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f / %.1f | %d / %d | %d | %d | %d |"
              + " %s → %s |%n",
          r.state(),
          r.bound(),
          r.conversations(),
          r.completed(),
          r.errors(),
          r.wallSeconds(),
          r.completed() / r.wallSeconds(),
          ideal,
          r.latencyMs().length == 0 ? 0 : AgentBenchmark.pct(r.latencyMs(), 50) / 1000,
          r.latencyMs().length == 0 ? 0 : AgentBenchmark.pct(r.latencyMs(), 99) / 1000,
          r.serverPeak(),
          r.guardsPeak(),
          r.liveHeap() >> 20,
          r.maxRss() >> 20,
          r.peakThreads(),
          r.loadBefore(),
          r.loadAfter());
    }
    for (Result r : results) {
      if (r.errors() > 0) {
        System.out.println(
            "errors (" + r.state() + ", bound " + r.bound() + "): " + r.firstErrors());
      }
      if (r.serverPeak() > r.bound() || r.guardsPeak() > r.bound()) {
        System.out.println(
            "BOUND EXCEEDED (server / guards; "
                + r.state()
                + ", bound "
                + r.bound()
                + "): "
                + Arrays.asList(r.serverPeak(), r.guardsPeak()));
      }
    }
  }
}
