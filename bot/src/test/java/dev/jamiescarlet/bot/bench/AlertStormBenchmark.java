package dev.jamiescarlet.bot.bench;

import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.alerts.AlertIntake;
import dev.jamiescarlet.bot.alerts.SlackOutbox;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The alert-storm benchmark (a program, not a test): the demo's bot (embedded MongoDB, Slack
 * sandbox, HTTP hooks) takes 10,000 alerts in 1,000 groups from concurrent Alertmanager clients
 * within 60 s, and delivers them to Slack channels routed by a {@code team} label.
 *
 * <p>Prints intake rate, hook latency, Slack messages per channel per second (from the sandbox's
 * recorded write times), time until every group is delivered, lost fingerprints and heap.
 *
 * <p>Env: BENCH_ALERTS (10000), BENCH_GROUPS (1000), BENCH_CHANNELS (20), BENCH_CLIENTS (16),
 * BENCH_DRAIN_LIMIT_S (1800).
 */
public final class AlertStormBenchmark {
  private static final int WARM_UP_REQUESTS = 400;

  private AlertStormBenchmark() {}

  public static void main(String[] args) throws Exception {
    int alerts = env("BENCH_ALERTS", 10_000);
    int groups = env("BENCH_GROUPS", 1_000);
    int channels = env("BENCH_CHANNELS", 20);
    int clients = env("BENCH_CLIENTS", 16);
    Duration drainLimit = Duration.ofSeconds(env("BENCH_DRAIN_LIMIT_S", 1_800));
    System.out.printf(
        Locale.ROOT,
        "java %s, %d CPUs, max heap %d MiB, load average at start %s%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        loadAverage());
    StormWorkload workload = new StormWorkload(groups, alerts, channels);
    Path routes = Files.createTempFile("storm-routes", ".yaml");
    Files.writeString(routes, workload.routesYaml());
    List<StormWorkload.Delivery> deliveries = workload.deliveries();
    System.out.printf(
        Locale.ROOT,
        "storm: %,d alerts in %,d groups over %d channels (team label), %,d webhook requests"
            + " carrying %,d alerts, %d clients%n",
        alerts,
        groups,
        channels,
        deliveries.size(),
        deliveries.stream().mapToLong(StormWorkload.Delivery::alerts).sum(),
        clients);
    HeapSampler heap = HeapSampler.start();
    try (Demo demo =
        Demo.start(
            Map.of(
                "JAMIE_SANDBOX_PORT", "0",
                "JAMIE_HTTP_PORT", "0",
                "JAMIE_MEMORY", "false",
                "JAMIE_ALERT_ROUTES", routes.toString()))) {
      for (int t = 0; t < channels; t++) {
        demo.sandbox().addChannel(StormWorkload.channel(t), String.format("team-%02d", t));
      }
      AlertIntake intake = demo.bot().alerts();
      URI hook = URI.create("http://127.0.0.1:" + demo.bot().httpPort() + "/hooks/alertmanager");

      // warm-up: the hook, parsing and storing run cold at first (interpreted, classes loading);
      // 400 deliveries of 5 groups of their own, to the default channel, warm them
      List<StormWorkload.Delivery> warmUp = new ArrayList<>();
      List<StormWorkload.Delivery> warmGroups = new StormWorkload(5, 50, 1, true).deliveries();
      for (int i = 0; i < WARM_UP_REQUESTS; i++) {
        StormWorkload.Delivery d = warmGroups.get(i % warmGroups.size());
        warmUp.add(new StormWorkload.Delivery(0, d.group(), d.body(), d.alerts()));
      }
      long[] cold = send(hook, warmUp, clients, System.nanoTime()).clone();
      Arrays.sort(cold);
      System.out.printf(
          Locale.ROOT,
          "warm-up: %d requests as fast as %d clients go (5 groups, default channel): hook latency"
              + " p50 %.1f ms, p99 %.1f ms, max %.1f ms (cold JIT)%n",
          cold.length,
          clients,
          percentile(cold, 0.50),
          percentile(cold, 0.99),
          cold[cold.length - 1] / 1e6);
      Thread.sleep(5_000);

      // intake: every delivery at its time, from a pool of clients, over real HTTP
      long t0 = System.nanoTime();
      long startMicros = System.currentTimeMillis() * 1000;
      long[] latencies = send(hook, deliveries, clients, t0);
      double intakeSeconds = (System.nanoTime() - t0) / 1e9;
      long liveAfterIntake = HeapSampler.liveHeap();

      // drain: until every event is processed and every group's messages are up to date
      long processedAt = 0;
      long deadline = System.nanoTime() + drainLimit.toNanos();
      boolean drained = false;
      while (System.nanoTime() < deadline) {
        if (processedAt == 0 && intake.events().unprocessed().isEmpty()) {
          processedAt = System.nanoTime();
        }
        if (processedAt != 0 && intake.groups().behind().isEmpty()) {
          drained = true;
          break;
        }
        Thread.sleep(2_000);
      }
      long liveAfterDrain = HeapSampler.liveHeap();
      heap.stop();

      StormCheck check = StormCheck.run(demo.sandbox(), workload, startMicros);
      print(
          deliveries,
          latencies,
          intakeSeconds,
          processedAt == 0 ? Double.NaN : (processedAt - t0) / 1e9,
          drained,
          check,
          liveAfterIntake,
          liveAfterDrain,
          heap.maxUsed());
    } finally {
      Files.deleteIfExists(routes);
    }
    // the demo's client libraries may leave non-daemon threads behind
    System.exit(0);
  }

  private static long[] send(
      URI hook, List<StormWorkload.Delivery> deliveries, int clients, long t0)
      throws InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(
                Executors.newFixedThreadPool(2, r -> Thread.ofPlatform().daemon().unstarted(r)))
            .build();
    long[] latencies = new long[deliveries.size()];
    long[] sentAt = new long[deliveries.size()];
    long gcBefore = gcMillis();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicLong maxLagMillis = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.execute(
          () -> {
            for (int i; (i = next.getAndIncrement()) < deliveries.size(); ) {
              StormWorkload.Delivery d = deliveries.get(i);
              long due = t0 + TimeUnit.MILLISECONDS.toNanos(d.atMillis());
              long wait = due - System.nanoTime();
              if (wait > 0) {
                try {
                  TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
              } else {
                maxLagMillis.accumulateAndGet(-wait / 1_000_000, Math::max);
              }
              HttpRequest request =
                  HttpRequest.newBuilder(hook)
                      .header("Authorization", "Bearer " + Demo.HOOK_TOKEN)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                      .build();
              long sent = System.nanoTime();
              sentAt[i] = sent - t0;
              try {
                int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                  failures.incrementAndGet();
                }
              } catch (Exception e) {
                failures.incrementAndGet();
              }
              latencies[i] = System.nanoTime() - sent;
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    Integer[] slowest = new Integer[latencies.length];
    Arrays.setAll(slowest, i -> i);
    Arrays.sort(slowest, (a, b) -> Long.compare(latencies[b], latencies[a]));
    StringBuilder worst = new StringBuilder();
    for (int k = 0; k < Math.min(10, slowest.length); k++) {
      worst.append(
          String.format(
              Locale.ROOT,
              " %.0f ms@%.1fs",
              latencies[slowest[k]] / 1e6,
              sentAt[slowest[k]] / 1e9));
    }
    System.out.printf(
        Locale.ROOT,
        "intake: GC pauses %d ms in all during intake; slowest requests (latency@sent):%s%n",
        gcMillis() - gcBefore,
        worst);
    System.out.printf(
        Locale.ROOT,
        "intake: %d non-200 answers, clients at most %d ms behind schedule%n",
        failures.get(),
        maxLagMillis.get());
    return latencies;
  }

  private static void print(
      List<StormWorkload.Delivery> deliveries,
      long[] latencies,
      double intakeSeconds,
      double processedSeconds,
      boolean drained,
      StormCheck check,
      long liveAfterIntake,
      long liveAfterDrain,
      long maxUsed) {
    long carried = deliveries.stream().mapToLong(StormWorkload.Delivery::alerts).sum();
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "intake: %,d requests in %.1f s = %.0f requests/s, %.0f alerts/s (%,d alerts carried)%n",
        deliveries.size(),
        intakeSeconds,
        deliveries.size() / intakeSeconds,
        carried / intakeSeconds,
        carried);
    System.out.printf(
        Locale.ROOT,
        "hook latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
    System.out.printf(
        Locale.ROOT,
        "processing: every event processed %.1f s after the start%n",
        processedSeconds);
    check.print(drained);
    System.out.printf(
        Locale.ROOT,
        "single channel (arithmetic): at %.0f message/s at least %,d s (two messages per group);"
            + " the %,d messages written here would take %,d s%n",
        1.0 / SlackOutbox.PER_CHANNEL.toSeconds(),
        2L * check.groupMessages(),
        check.totalWrites(),
        check.totalWrites());
    System.out.printf(
        Locale.ROOT,
        "heap: max used %d MiB; live after GC %d MiB once intake ended, %d MiB once drained%n",
        maxUsed >> 20,
        liveAfterIntake >> 20,
        liveAfterDrain >> 20);
    System.out.printf(Locale.ROOT, "load average at end %s%n", loadAverage());
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(b -> Math.max(0, b.getCollectionTime()))
        .sum();
  }

  private static double percentile(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static int env(String name, int fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0]
          + " "
          + Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1];
    } catch (Exception e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** Heap used, sampled every 100 ms, and the live heap after a full GC. */
  static final class HeapSampler {
    private final AtomicLong max = new AtomicLong();
    private final Thread thread;

    private HeapSampler() {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      thread =
          Thread.ofPlatform()
              .daemon()
              .name("heap-sampler")
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                      try {
                        Thread.sleep(100);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    static HeapSampler start() {
      return new HeapSampler();
    }

    void stop() {
      thread.interrupt();
    }

    long maxUsed() {
      return max.get();
    }

    static long liveHeap() {
      List<Long> samples = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        System.gc();
        samples.add(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      }
      return samples.stream().mapToLong(Long::longValue).min().orElse(0);
    }
  }
}
