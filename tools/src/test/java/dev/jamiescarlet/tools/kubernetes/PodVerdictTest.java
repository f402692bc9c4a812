package dev.jamiescarlet.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodVerdictTest {
  private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  @Test
  void crashLoopShowsExitCodeOfLastInstance() {
    // given
    Pod pod = TestPods.crashLoop("checkout-1", "checkout", 7);

    // when
    PodVerdict verdict = PodVerdict.of(pod);

    // then
    assertThat(verdict.status()).isEqualTo("CrashLoopBackOff");
    assertThat(verdict.detail()).isEqualTo("exit code 1");
    assertThat(verdict.health()).isEqualTo(Health.FAILING);
    assertThat(verdict.lastExitCode()).isEqualTo(1);
    assertThat(verdict.lastTerminationReason()).isEqualTo("Error");
  }

  @Test
  void oomKilledNamesTheMemoryLimit() {
    // given
    Pod pod = TestPods.oomKilled("catalog-1", "catalog", 4);

    // when
    PodVerdict verdict = PodVerdict.of(pod);

    // then
    assertThat(verdict.status()).isEqualTo("OOMKilled");
    assertThat(verdict.detail()).startsWith("exit code 137, limit 128Mi");
    assertThat(verdict.health()).isEqualTo(Health.FAILING);
  }

  @Test
  void imagePullBackOffCarriesThePullMessage() {
    // given
    Pod pod = TestPods.imagePull("payments-1", "payments");

    // when
    PodVerdict verdict = PodVerdict.of(pod);

    // then
    assertThat(verdict.status()).isEqualTo("ImagePullBackOff");
    assertThat(verdict.detail()).contains("Back-off pulling image");
    assertThat(verdict.health()).isEqualTo(Health.FAILING);
  }

  @Test
  void unschedulablePodShowsTheSchedulerMessage() {
    // given
    Pod pod = TestPods.unschedulable("search-1", "search");

    // when
    PodVerdict verdict = PodVerdict.of(pod);

    // then
    assertThat(verdict.status()).isEqualTo("Unschedulable");
    assertThat(verdict.detail()).isEqualTo("0/3 nodes are available: 3 Insufficient cpu.");
    assertThat(verdict.health()).isEqualTo(Health.PENDING);
  }

  @Test
  void runningButNotReadyIsDegraded() {
    // given
    Pod pod = TestPods.running("cart-1", "cart", false);

    // when
    PodVerdict verdict = PodVerdict.of(pod);

    // then
    assertThat(verdict.status()).isEqualTo("Running");
    assertThat(verdict.detail()).isEqualTo("0/1 containers ready");
    assertThat(verdict.health()).isEqualTo(Health.DEGRADED);
  }

  @Test
  void terminatedWithErrorIsFailingAndCompletedIsHealthy() {
    // given
    Pod failed = terminated("job-1", "Failed", "Error", 2);
    Pod done = terminated("job-2", "Succeeded", "Completed", 0);

    // when
    PodVerdict failedVerdict = PodVerdict.of(failed);
    PodVerdict doneVerdict = PodVerdict.of(done);

    // then
    assertThat(failedVerdict.status()).isEqualTo("Error");
    assertThat(failedVerdict.detail()).isEqualTo("exit code 2");
    assertThat(failedVerdict.health()).isEqualTo(Health.FAILING);
    assertThat(doneVerdict.status()).isEqualTo("Completed");
    assertThat(doneVerdict.health()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void failedPhaseUsesThePodReasonAndPlainPendingWaits() {
    // given
    Pod evicted =
        TestPods.pod("web-1", "web", "Failed")
            .editStatus()
            .withReason("Evicted")
            .withMessage("The node was low on resource: memory.")
            .endStatus()
            .build();
    Pod pending = TestPods.pod("web-2", "web", "Pending").build();
    Pod deleting =
        TestPods.pod("web-3", "web", "Running")
            .editMetadata()
            .withDeletionTimestamp("2025-01-01T11:59:00Z")
            .endMetadata()
            .build();

    // when / then
    assertThat(PodVerdict.of(evicted).status()).isEqualTo("Evicted");
    assertThat(PodVerdict.of(evicted).health()).isEqualTo(Health.FAILING);
    assertThat(PodVerdict.of(pending).health()).isEqualTo(Health.PENDING);
    assertThat(PodVerdict.of(deleting).status()).isEqualTo("Terminating");
  }

  @Test
  void summaryResolvesDeploymentOwnerAndSortsWorstFirst() {
    // given
    PodSummaries summaries =
        new PodSummaries(
            List.of(
                new ReplicaSetBuilder()
                    .withNewMetadata()
                    .withName("checkout-7d9f8b6c5d")
                    .withNamespace("shop")
                    .addNewOwnerReference()
                    .withKind("Deployment")
                    .withName("checkout")
                    .withController(true)
                    .endOwnerReference()
                    .endMetadata()
                    .build()));
    List<Pod> pods =
        List.of(
            TestPods.running("a-frontend", "frontend", true),
            TestPods.crashLoop("b-checkout", "checkout", 7),
            TestPods.unschedulable("c-search", "search"));

    // when
    List<PodSummary> rows =
        pods.stream()
            .map(p -> summaries.summarize(p, NOW))
            .sorted(PodSummaries.WORST_FIRST)
            .toList();

    // then
    assertThat(rows)
        .extracting(PodSummary::name)
        .containsExactly("b-checkout", "c-search", "a-frontend");
    PodSummary checkout = rows.get(0);
    assertThat(checkout.owner()).isEqualTo("deploy/checkout");
    assertThat(checkout.restarts()).isEqualTo(7);
    assertThat(checkout.age()).isEqualTo(Duration.ofHours(2));
    assertThat(rows.get(2).owner()).isEqualTo("rs/frontend-7d9f8b6c5d");
    assertThat(PodSummaries.problem(checkout))
        .isEqualTo("CrashLoopBackOff: exit code 1, 7 restarts");
  }

  private static Pod terminated(String name, String phase, String reason, int code) {
    return TestPods.pod(name, "job", phase)
        .editStatus()
        .addToContainerStatuses(
            new ContainerStatusBuilder()
                .withName("job")
                .withReady(false)
                .withNewState()
                .withNewTerminated()
                .withReason(reason)
                .withExitCode(code)
                .endTerminated()
                .endState()
                .build())
        .endStatus()
        .build();
  }
}
