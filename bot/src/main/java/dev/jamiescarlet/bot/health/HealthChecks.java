package dev.jamiescarlet.bot.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every dependency's probe at once on virtual threads, each within a timeout, and keeps the
 * last round briefly so a kubelet polling /readyz does not hammer the dependencies: a round is
 * reused for {@link #CACHE_FOR}, and within a round an optional dependency probed less than {@link
 * #OPTIONAL_FOR} ago keeps its last result (the required ones — MongoDB — are probed every round).
 */
public final class HealthChecks {
  /** How long one probe may take before it is reported as timed out. */
  public static final Duration TIMEOUT = Duration.ofSeconds(3);

  /** How long a round's results are reused. */
  public static final Duration CACHE_FOR = Duration.ofSeconds(5);

  /**
   * How long an optional dependency's result is reused by later rounds: readiness polls every few
   * seconds, and hundreds of clusters or a Slack {@code auth.test} need not be asked that often.
   */
  public static final Duration OPTIONAL_FOR = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(HealthChecks.class);

  // never closed: closing would wait for a probe that hangs
  private static final ExecutorService PROBES =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("health-probe-", 0).factory());

  private final Supplier<List<DependencyCheck>> checks;
  private final Clock clock;
  private final Duration timeout;
  private final Duration cacheFor;
  private final Duration optionalFor;
  private final Map<String, Probed> probed = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private HealthReport last;
  private CompletableFuture<HealthReport> running;

  /**
   * Checks over {@code checks}, asked for afresh each round so clusters discovered later are
   * included.
   */
  public HealthChecks(
      Supplier<List<DependencyCheck>> checks, Clock clock, Duration timeout, Duration cacheFor) {
    this(checks, clock, timeout, cacheFor, Duration.ZERO);
  }

  /** As above; optional dependencies' results are reused by rounds for {@code optionalFor}. */
  public HealthChecks(
      Supplier<List<DependencyCheck>> checks,
      Clock clock,
      Duration timeout,
      Duration cacheFor,
      Duration optionalFor) {
    this.checks = checks;
    this.clock = clock;
    this.timeout = timeout;
    this.cacheFor = cacheFor;
    this.optionalFor = optionalFor;
  }

  /** With the standard timeout and caches. */
  public HealthChecks(Supplier<List<DependencyCheck>> checks, Clock clock) {
    this(checks, clock, TIMEOUT, CACHE_FOR, OPTIONAL_FOR);
  }

  /** A dependency's last result and when it was probed. */
  private record Probed(Instant at, DependencyStatus status) {}

  /** A report no older than the cache time; waits for a round (at most the timeout) if needed. */
  public HealthReport report() {
    HealthReport cached = fresh();
    return cached != null ? cached : refresh().join();
  }

  /**
   * The last report without waiting for a probe (a stale one starts a new round in the background),
   * so a slow dependency cannot make /readyz itself slow; only the very first call waits.
   */
  public HealthReport latest() {
    HealthReport cached;
    synchronized (lock) {
      cached = last;
    }
    if (cached == null) {
      return refresh().join();
    }
    if (fresh() == null) {
      refresh();
    }
    return cached;
  }

  private HealthReport fresh() {
    synchronized (lock) {
      if (last != null && clock.instant().isBefore(last.checkedAt().plus(cacheFor))) {
        return last;
      }
      return null;
    }
  }

  /** Starts a round unless one is under way; callers share it. */
  private CompletableFuture<HealthReport> refresh() {
    synchronized (lock) {
      if (running != null) {
        return running;
      }
      CompletableFuture<HealthReport> round = CompletableFuture.supplyAsync(this::runAll, PROBES);
      running = round;
      round.whenComplete(
          (report, error) -> {
            HealthReport previous;
            synchronized (lock) {
              previous = last;
              if (report != null) {
                last = report;
              }
              running = null;
            }
            if (report != null) {
              logChanges(previous, report);
            }
          });
      return round;
    }
  }

  /** One round: all probes at once, every one answered or cut off by the same deadline. */
  HealthReport runAll() {
    Instant at = clock.instant();
    List<DependencyCheck> list = checks.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Future<DependencyStatus>> futures = new ArrayList<>();
    List<Boolean> reused = new ArrayList<>();
    for (DependencyCheck check : list) {
      Probed earlier = probed.get(check.name());
      boolean reuse =
          !check.required() && earlier != null && at.isBefore(earlier.at().plus(optionalFor));
      reused.add(reuse);
      futures.add(
          reuse
              ? CompletableFuture.completedFuture(earlier.status())
              : PROBES.submit(() -> timed(check)));
    }
    List<DependencyStatus> results = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      DependencyCheck check = list.get(i);
      Future<DependencyStatus> future = futures.get(i);
      DependencyStatus status = await(check, future, deadline);
      if (!reused.get(i)) {
        probed.put(check.name(), new Probed(at, status));
      }
      results.add(status);
    }
    // clusters that went away (a deleted tenant) are forgotten
    probed.keySet().retainAll(list.stream().map(DependencyCheck::name).toList());
    return new HealthReport(at, results);
  }

  private DependencyStatus await(
      DependencyCheck check, Future<DependencyStatus> future, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      String detail = "timed out after " + seconds(timeout) + "; " + check.fix();
      return status(check, ProbeResult.down(detail), timeout.toMillis());
    } catch (ExecutionException e) {
      return status(check, ProbeResult.down(reason(e.getCause()) + "; " + check.fix()), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return status(check, ProbeResult.down("check interrupted"), 0);
    }
  }

  /** One line per dependency whose state changed (all on the first round that are not up). */
  private static void logChanges(HealthReport previous, HealthReport now) {
    Map<String, DependencyState> before = new HashMap<>();
    if (previous != null) {
      previous.dependencies().forEach(d -> before.put(d.name(), d.state()));
    }
    for (DependencyStatus d : now.dependencies()) {
      DependencyState was = before.get(d.name());
      if (d.state() == was || (was == null && d.state() == DependencyState.UP)) {
        continue;
      }
      if (d.state() == DependencyState.DOWN || d.state() == DependencyState.DEGRADED) {
        log.warn("dependency {} is {}: {}", d.name(), d.state().label(), d.detail());
      } else {
        log.info("dependency {} is {}: {}", d.name(), d.state().label(), d.detail());
      }
    }
  }

  private static DependencyStatus timed(DependencyCheck check) {
    long start = System.nanoTime();
    ProbeResult result;
    try {
      result = check.probe().run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = ProbeResult.down("check interrupted");
    } catch (Exception e) {
      result = ProbeResult.down(reason(e) + "; " + check.fix());
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return status(check, result, millis);
  }

  private static DependencyStatus status(DependencyCheck check, ProbeResult r, long millis) {
    return new DependencyStatus(
        check.name(), check.kind(), check.required(), r.state(), millis, r.detail());
  }

  /** The first message along the causes, e.g. "Connection refused". */
  static String reason(Throwable e) {
    Throwable t = e;
    while ((t.getMessage() == null || t.getMessage().isBlank())
        && t.getCause() != null
        && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0
        ? d.toSeconds() + " s"
        : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
