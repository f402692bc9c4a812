package dev.jamiescarlet.tools.diagnosis;

import static dev.jamiescarlet.tools.diagnosis.Fixtures.app;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.event;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.pod;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.running;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.runningNotReady;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.unschedulable;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodAnalyzersTest {
  private static final Snapshot HEALTHY =
      app("web", List.of(pod("web", "a", running("web")), pod("web", "b", running("web"))), 2)
          .build();

  @Test
  void crashLoopGroupsPodsUnderTheDeploymentWithExitCodeAndTellingLogLines() {
    // given two crashing pods of checkout whose previous logs end in a stack trace
    List<String> reads = new ArrayList<>();
    Snapshot s =
        app(
                "checkout",
                List.of(
                    pod("checkout", "a", waiting("checkout", "CrashLoopBackOff", 1, "Error")),
                    pod("checkout", "b", waiting("checkout", "CrashLoopBackOff", 1, "Error"))),
                0)
            .logs(
                (ns, pod, container, tail) -> {
                  reads.add(pod);
                  return List.of(
                      "starting",
                      "Caused by: java.net.ConnectException: Connection refused",
                      "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)",
                      "\t... 42 common frames omitted",
                      "",
                      "Application run failed");
                })
            .build();

    // when
    List<Finding> findings = new CrashLoopAnalyzer().analyze(s);

    // then one finding for the deployment, logs read once, stack frames dropped
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.object()).isEqualTo(new ObjectRef("Deployment", "checkout", "shop"));
    assertThat(f.title()).isEqualTo("checkout is crash-looping");
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.evidence())
        .contains(
            "last exit code 1 (Error)",
            "  Caused by: java.net.ConnectException: Connection refused")
        .noneMatch(l -> l.contains("pollConnect") || l.contains("frames omitted"));
    assertThat(f.evidence().get(0)).contains("CrashLoopBackOff in 2 of 2 pods");
    assertThat(f.likelyCause()).contains("refuses connections");
    assertThat(f.commands())
        .containsExactly(
            "logs deploy/checkout -n shop --previous",
            "describe deploy/checkout -n shop",
            "restart deploy/checkout -n shop");
    assertThat(f.nextStep()).contains("`logs deploy/checkout -n shop --previous`");
    assertThat(reads).hasSize(1);
  }

  @Test
  void crashLoopLogReadsAreBoundedAndFailuresBecomeEvidence() {
    // given more crashing workloads than the log budget, and a log source that fails
    List<io.fabric8.kubernetes.api.model.Pod> pods = new ArrayList<>();
    for (int i = 0; i < CrashLoopAnalyzer.MAX_LOG_READS + 3; i++) {
      pods.add(pod("app" + i, "a", waiting("app" + i, "CrashLoopBackOff", 2, "Error")));
    }
    int[] reads = {0};
    Snapshot s =
        Snapshot.builder()
            .pods(pods)
            .logs(
                (ns, pod, c, t) -> {
                  reads[0]++;
                  throw new IllegalStateException("container not found");
                })
            .build();

    // when
    List<Finding> findings = new CrashLoopAnalyzer().analyze(s);

    // then
    assertThat(findings).hasSize(CrashLoopAnalyzer.MAX_LOG_READS + 3);
    assertThat(reads[0]).isEqualTo(CrashLoopAnalyzer.MAX_LOG_READS);
    assertThat(findings.get(0).evidence())
        .anyMatch(l -> l.contains("unavailable: container not found"));
    assertThat(findings.get(0).likelyCause()).contains("with code 2");
  }

  @Test
  void crashLoopLeavesOomKillsAndHealthyPodsAlone() {
    Snapshot oom =
        app(
                "cat",
                List.of(pod("cat", "a", waiting("cat", "CrashLoopBackOff", 137, "OOMKilled"))),
                0)
            .build();
    assertThat(new CrashLoopAnalyzer().analyze(oom)).isEmpty();
    assertThat(new CrashLoopAnalyzer().analyze(HEALTHY)).isEmpty();
  }

  @Test
  void oomKilledShowsLimitAndRequest() {
    Snapshot s =
        app(
                "catalog",
                List.of(
                    pod("catalog", "a", waiting("catalog", "CrashLoopBackOff", 137, "OOMKilled"))),
                0,
                event("Pod", "catalog-abc-a", "OOMKilling", "Memory cgroup out of memory"))
            .build();

    List<Finding> findings = new OomKilledAnalyzer().analyze(s);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("catalog is being OOMKilled");
              assertThat(f.evidence())
                  .contains(
                      "memory limit 128Mi, request 64Mi", "kernel: Memory cgroup out of memory");
              assertThat(f.likelyCause()).contains("128Mi limit");
              assertThat(f.commands()).contains("describe deploy/catalog -n shop");
            });
    assertThat(new OomKilledAnalyzer().analyze(HEALTHY)).isEmpty();
  }

  @Test
  void imagePullQuotesTheRegistry() {
    String registry =
        "Failed to pull image \"ghcr.io/shop/payments:v1\": rpc error: code = NotFound desc ="
            + " ghcr.io/shop/payments:v1: not found";
    Snapshot s =
        app(
                "payments",
                List.of(pod("payments", "a", waiting("payments", "ImagePullBackOff", null, null))),
                0,
                event("Pod", "payments-abc-a", "Failed", registry))
            .build();

    List<Finding> findings = new ImagePullAnalyzer().analyze(s);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("payments cannot pull its image");
              assertThat(f.evidence())
                  .contains(
                      "ImagePullBackOff in 1 pod: image `ghcr.io/shop/payments:v1`",
                      "registry: " + registry);
              assertThat(f.likelyCause()).contains("does not exist");
              assertThat(f.commands())
                  .containsExactly(
                      "describe deploy/payments -n shop", "rollback deploy/payments -n shop");
            });
    assertThat(new ImagePullAnalyzer().analyze(HEALTHY)).isEmpty();
  }

  @Test
  void imagePullCausesByRegistryWords() {
    assertThat(ImagePullAnalyzer.cause("i", "401 Unauthorized")).contains("pull secret");
    assertThat(ImagePullAnalyzer.cause("i", "dial tcp: i/o timeout")).contains("cannot reach");
    assertThat(ImagePullAnalyzer.cause("i", null)).contains("cannot pull");
  }

  @Test
  void unschedulableQuotesTheScheduler() {
    String message = "0/3 nodes are available: 3 Insufficient cpu.";
    Snapshot s = app("search", List.of(pod("search", "a", unschedulable(message))), 0).build();

    List<Finding> findings = new UnschedulableAnalyzer().analyze(s);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("search cannot be scheduled");
              assertThat(f.evidence())
                  .contains("scheduler: " + message, "requests per pod: search: cpu 8 memory 64Mi");
              assertThat(f.likelyCause()).startsWith("No node has enough free CPU");
            });
    assertThat(new UnschedulableAnalyzer().analyze(HEALTHY)).isEmpty();
    assertThat(UnschedulableAnalyzer.cause("x", "Insufficient memory", "")).contains("memory");
    assertThat(UnschedulableAnalyzer.cause("x", "had untolerated taint", "")).contains("taints");
    assertThat(UnschedulableAnalyzer.cause("x", "didn't match Pod's node affinity", ""))
        .contains("affinity");
    assertThat(UnschedulableAnalyzer.cause("x", "unbound immediate PersistentVolumeClaims", ""))
        .contains("Claim");
    assertThat(UnschedulableAnalyzer.cause("x", null, "")).contains("no node");
  }

  @Test
  void probesReportNotReadyPodsWithTheKubeletsWords() {
    Snapshot s =
        app(
                "api",
                List.of(pod("api", "a", runningNotReady("api")), pod("api", "b", running("api"))),
                1,
                event(
                    "Pod",
                    "api-abc-a",
                    "Unhealthy",
                    "Readiness probe failed: HTTP probe failed with statuscode: 503"))
            .build();

    List<Finding> findings = new ProbeAnalyzer().analyze(s);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("api is not ready");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.evidence())
                  .contains(
                      "running but not ready: 1 of 2 pods",
                      "kubelet: Readiness probe failed: HTTP probe failed with statuscode: 503 (3 times)");
              assertThat(f.commands()).contains("logs deploy/api -n shop");
            });
    assertThat(new ProbeAnalyzer().analyze(HEALTHY)).isEmpty();
  }

  @Test
  void livenessFailuresAreNamed() {
    Snapshot s =
        app(
                "api",
                List.of(pod("api", "a", running("api"))),
                1,
                event("Pod", "api-abc-a", "Unhealthy", "Liveness probe failed: timeout"))
            .build();
    assertThat(new ProbeAnalyzer().analyze(s))
        .singleElement()
        .satisfies(f -> assertThat(f.title()).isEqualTo("api fails its liveness probe"));
  }

  @Test
  void crashCausesByExitCodeAndLogs() {
    assertThat(CrashLoopAnalyzer.cause("a", 137, List.of())).contains("SIGKILL");
    assertThat(CrashLoopAnalyzer.cause("a", 143, List.of())).contains("SIGTERM");
    assertThat(CrashLoopAnalyzer.cause("a", 1, List.of("java.net.UnknownHostException: db")))
        .contains("does not resolve");
    assertThat(CrashLoopAnalyzer.cause("a", 1, List.of("open /data: permission denied")))
        .contains("denied");
  }
}
