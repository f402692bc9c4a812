package dev.jamiescarlet.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.jamiescarlet.bot.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class HealthChecksTest {
  private final TestClock clock = new TestClock();

  @Test
  void aHungProbeTimesOutWhileTheOthersStillReport() {
    // given one probe that never answers beside two that do
    CountDownLatch never = new CountDownLatch(1);
    List<DependencyCheck> checks =
        List.of(
            DependencyCheck.optional("fast", "test", "check fast", () -> ProbeResult.up("fine")),
            DependencyCheck.optional(
                "hangs",
                "test",
                "check JAMIE_HANGS_URL",
                () -> {
                  never.await();
                  return ProbeResult.up("unreachable line");
                }),
            DependencyCheck.optional("also-fast", "test", "x", () -> ProbeResult.up("fine too")));
    HealthChecks health =
        new HealthChecks(() -> checks, clock, Duration.ofMillis(300), Duration.ofSeconds(5));

    // when
    HealthReport report = health.report();

    // then the hung one is down, naming the timeout and its fix; the others are up
    assertThat(report.dependencies())
        .extracting(DependencyStatus::name, DependencyStatus::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fast", DependencyState.UP),
            org.assertj.core.groups.Tuple.tuple("hangs", DependencyState.DOWN),
            org.assertj.core.groups.Tuple.tuple("also-fast", DependencyState.UP));
    DependencyStatus hung = report.dependencies().get(1);
    assertThat(hung.detail()).isEqualTo("timed out after 0.3 s; check JAMIE_HANGS_URL");
    assertThat(hung.latencyMillis()).isEqualTo(300);
    assertThat(report.summary()).isEqualTo("2 of 3 dependencies up");
  }

  @Test
  void aProbeThatThrowsIsDownWithItsReasonAndFix() {
    // given
    List<DependencyCheck> checks =
        List.of(
            DependencyCheck.optional(
                "argocd",
                "argocd",
                "check JAMIE_ARGOCD_URL",
                () -> {
                  throw new IllegalStateException(
                      "wrapped", new java.net.ConnectException("Connection refused"));
                }),
            DependencyCheck.optional(
                "grafana", "grafana", "x", () -> ProbeResult.down("HTTP 401: check GRAFANA_TOKEN")),
            DependencyCheck.notConfigured("prometheus", "prometheus", "set JAMIE_PROMETHEUS_URL"));
    HealthChecks health = new HealthChecks(() -> checks, clock);

    // when
    HealthReport report = health.report();

    // then
    assertThat(report.dependencies().get(0).state()).isEqualTo(DependencyState.DOWN);
    assertThat(report.dependencies().get(0).detail()).isEqualTo("wrapped; check JAMIE_ARGOCD_URL");
    assertThat(report.dependencies().get(1).detail()).isEqualTo("HTTP 401: check GRAFANA_TOKEN");
    assertThat(report.dependencies().get(2).state()).isEqualTo(DependencyState.NOT_CONFIGURED);
    assertThat(report.summary()).isEqualTo("0 of 2 dependencies up · 1 not configured");
    assertThat(report.failingRequired()).isEmpty();
  }

  @Test
  void onlyARequiredDependencyThatIsNotUpFailsReadiness() {
    // given MongoDB (required) down and a cluster (optional) down
    List<DependencyCheck> checks =
        List.of(
            new DependencyCheck(
                "mongodb", "mongodb", true, "check MONGODB_URI", () -> ProbeResult.down("refused")),
            DependencyCheck.optional(
                "cluster:prod", "kubernetes", "x", () -> ProbeResult.down("refused")));

    // when
    Map<String, String> failing = new HealthChecks(() -> checks, clock).report().failingRequired();

    // then
    assertThat(failing).containsExactly(Map.entry("mongodb", "refused"));
  }

  @Test
  void aReportIsReusedUntilItIsOlderThanTheCacheTime() {
    // given a probe that counts its calls
    AtomicInteger calls = new AtomicInteger();
    List<DependencyCheck> checks =
        List.of(
            DependencyCheck.optional(
                "counted", "test", "x", () -> ProbeResult.up("call " + calls.incrementAndGet())));
    HealthChecks health =
        new HealthChecks(() -> checks, clock, Duration.ofSeconds(3), Duration.ofSeconds(5));

    // when asked twice within 5 s, then once after
    HealthReport first = health.report();
    clock.advance(Duration.ofMillis(4_999));
    HealthReport second = health.report();
    clock.advance(Duration.ofMillis(1));
    HealthReport third = health.report();

    // then the second answer is the first one; the third is new
    assertThat(second).isSameAs(first);
    assertThat(third.dependencies().get(0).detail()).isEqualTo("call 2");
    assertThat(third.checkedAt()).isEqualTo(first.checkedAt().plusSeconds(5));
    assertThat(calls).hasValue(2);
  }

  @Test
  void latestAnswersWithTheStaleReportAndRefreshesInTheBackground() throws Exception {
    // given a report, then a probe that blocks until released
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    List<DependencyCheck> checks =
        List.of(
            DependencyCheck.optional(
                "slow",
                "test",
                "x",
                () -> {
                  if (calls.incrementAndGet() > 1) {
                    release.await();
                  }
                  return ProbeResult.up("call " + calls.get());
                }));
    HealthChecks health =
        new HealthChecks(() -> checks, clock, Duration.ofSeconds(30), Duration.ofSeconds(5));
    HealthReport first = health.latest();
    clock.advance(Duration.ofSeconds(6));

    // when /readyz asks while the second round is blocked
    HealthReport stale = health.latest();

    // then it gets the old report at once; once released, the new one is served
    assertThat(stale).isSameAs(first);
    release.countDown();
    HealthReport next = awaitNew(health, first);
    assertThat(next.dependencies().get(0).detail()).isEqualTo("call 2");
  }

  @Test
  void operatorsGetOneLogLinePerChangeNotOnePerRound() {
    // given a dependency that is down for two rounds, then up
    AtomicInteger round = new AtomicInteger();
    List<DependencyCheck> checks =
        List.of(
            DependencyCheck.optional(
                "grafana",
                "grafana",
                "x",
                () ->
                    round.incrementAndGet() <= 2
                        ? ProbeResult.down("HTTP 401: check JAMIE_GRAFANA_TOKEN")
                        : ProbeResult.up("Grafana 11.3.0")));
    // (every round probes it: no reuse of optional results)
    HealthChecks health =
        new HealthChecks(() -> checks, clock, HealthChecks.TIMEOUT, HealthChecks.CACHE_FOR);
    Logger logger = (Logger) LoggerFactory.getLogger(HealthChecks.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    try {
      // when three rounds run
      for (int i = 0; i < 3; i++) {
        health.report();
        clock.advance(Duration.ofSeconds(5));
      }
      awaitLogs(logs, 2);
    } finally {
      logger.detachAppender(logs);
    }

    // then one warning naming the fix, one line on recovery
    assertThat(logs.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Level.WARN, "dependency grafana is down: HTTP 401: check JAMIE_GRAFANA_TOKEN"),
            org.assertj.core.groups.Tuple.tuple(
                Level.INFO, "dependency grafana is up: Grafana 11.3.0"));
  }

  /** The log line is written just after the round's result is handed out. */
  private static void awaitLogs(ListAppender<ILoggingEvent> logs, int count) {
    for (int i = 0; i < 500 && logs.list.size() < count; i++) {
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static HealthReport awaitNew(HealthChecks health, HealthReport old)
      throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      HealthReport r = health.latest();
      if (r != old) {
        return r;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    throw new AssertionError("no new report within 5 s");
  }

  @Test
  void optionalDependenciesAreProbedLessOftenThanRequiredOnes() {
    // given MongoDB (required) and a cluster (optional), each counting its probes
    AtomicInteger mongo = new AtomicInteger();
    AtomicInteger cluster = new AtomicInteger();
    List<DependencyCheck> checks =
        List.of(
            new DependencyCheck(
                "mongodb",
                "mongodb",
                true,
                "x",
                () -> {
                  mongo.incrementAndGet();
                  return ProbeResult.up("ok");
                }),
            DependencyCheck.optional(
                "cluster:prod",
                "kubernetes",
                "x",
                () -> {
                  cluster.incrementAndGet();
                  return ProbeResult.up("v1.31");
                }));
    HealthChecks health =
        new HealthChecks(
            () -> checks,
            clock,
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    // when readiness asks for a fresh report every 6 s for a minute
    for (int round = 0; round < 10; round++) {
      health.report();
      clock.advance(Duration.ofSeconds(6));
    }

    // then MongoDB was probed every round, the cluster about every 30 s, and its state is kept
    assertThat(mongo.get()).isEqualTo(10);
    assertThat(cluster.get()).isEqualTo(2);
    assertThat(health.report().dependencies().get(1).state()).isEqualTo(DependencyState.UP);
  }
}
