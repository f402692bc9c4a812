package dev.jamiescarlet.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.kubernetes.DeploymentSummary;
import dev.jamiescarlet.tools.kubernetes.Description;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.Health;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.LogRequest;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoClusterIT {
  private static DemoCluster cluster;
  private static Fabric8KubernetesReads reads;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    reads =
        new Fabric8KubernetesReads(
            KubeconfigClusterRegistry.of(Map.of("demo", cluster.client()), "demo", "demo"),
            Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void namesOfAKindFeedDidYouMean() {
    assertThat(reads.names("demo", "shop", "deploy"))
        .contains("cart", "catalog", "checkout", "frontend", "payments", "search");
    assertThat(reads.names("demo", "shop", "pods")).anyMatch(n -> n.startsWith("checkout-"));
    assertThat(reads.names("demo", null, "node")).contains("node-a");
    assertThat(reads.names("demo", "shop", "widgets")).isEmpty();
  }

  @Test
  void podsInShopFlagEveryFailure() {
    // when
    List<PodSummary> pods = reads.pods("demo", "shop", null);

    // then
    assertThat(pod(pods, "checkout").status()).isEqualTo("CrashLoopBackOff");
    assertThat(pod(pods, "checkout").detail()).isEqualTo("exit code 1");
    assertThat(pods)
        .filteredOn(p -> p.name().startsWith("checkout-"))
        .extracting(PodSummary::restarts)
        .containsExactlyInAnyOrder(7, 6);
    assertThat(pod(pods, "checkout").owner()).isEqualTo("deploy/checkout");
    assertThat(pod(pods, "payments").status()).isEqualTo("ImagePullBackOff");
    assertThat(pod(pods, "catalog").status()).isEqualTo("OOMKilled");
    assertThat(pod(pods, "catalog").detail()).startsWith("exit code 137, limit 128Mi");
    assertThat(pod(pods, "search").status()).isEqualTo("Unschedulable");
    assertThat(pod(pods, "search").detail()).contains("3 Insufficient cpu");
    assertThat(pod(pods, "frontend").age()).isGreaterThan(Duration.ofHours(1));
    assertThat(pods.get(0).health()).isEqualTo(Health.FAILING);
    assertThat(pods.get(pods.size() - 1).health()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void deploymentsShowHealthyAndFailing() {
    // when
    List<DeploymentSummary> deployments = reads.deployments("demo", "shop");

    // then
    DeploymentSummary frontend =
        deployments.stream().filter(d -> d.name().equals("frontend")).findFirst().orElseThrow();
    assertThat(frontend.ready()).isEqualTo(3);
    assertThat(frontend.desired()).isEqualTo(3);
    assertThat(frontend.health()).isEqualTo(Health.HEALTHY);
    DeploymentSummary checkout =
        deployments.stream().filter(d -> d.name().equals("checkout")).findFirst().orElseThrow();
    assertThat(checkout.health()).isEqualTo(Health.FAILING);
    assertThat(checkout.problem()).isEqualTo("CrashLoopBackOff: exit code 1, 7 restarts");
  }

  @Test
  void previousLogsOfCheckoutShowTheStackTrace() {
    // when
    LogResult logs = reads.logs("demo", "shop", new LogRequest("deploy/checkout", null, 50, true));
    LogResult tail = reads.logs("demo", "shop", new LogRequest("deploy/checkout", null, 3, false));

    // then
    assertThat(logs.pod()).isEqualTo("checkout-7d9f8b6c5d-x2k4p");
    assertThat(logs.otherPods()).containsExactly("checkout-7d9f8b6c5d-m8q7t");
    assertThat(String.join("\n", logs.lines()))
        .contains(
            "org.postgresql.util.PSQLException: Connection to orders-db.shop.svc.cluster.local:5432 refused")
        .contains("Caused by: java.net.ConnectException: Connection refused");
    assertThat(tail.lines()).hasSize(3).last().asString().contains("HikariPool-1 - Starting");
  }

  @Test
  void describePaymentsShowsTheImagePullError() {
    // when
    Description payments = reads.describe("demo", "shop", "deploy", "payments");

    // then
    assertThat(payments.health()).isEqualTo(Health.FAILING);
    assertThat(payments.problems())
        .contains("ImagePullBackOff: Back-off pulling image \"ghcr.io/shop/payments:v9.9.9\"")
        .anySatisfy(p -> assertThat(p).contains("ghcr.io/shop/payments:v9.9.9: not found"))
        // no echoes: the kubelet's generic "Error: …" events and repeats of the pod's own message
        .noneMatch(p -> p.contains(": Error: "))
        .noneMatch(p -> p.startsWith("BackOff: "));
    assertThat(payments.fields()).containsEntry("Image", "ghcr.io/shop/payments:v9.9.9");
  }

  @Test
  void warningEventsAreOnlyWarningsNewestFirst() {
    // when
    List<EventSummary> warnings = reads.events("demo", "shop", true);

    // then
    assertThat(warnings).isNotEmpty().allSatisfy(e -> assertThat(e.type()).isEqualTo("Warning"));
    assertThat(warnings)
        .extracting(EventSummary::reason)
        .contains("BackOff", "Failed", "FailedScheduling", "OOMKilling");
    assertThat(warnings.get(0).lastSeen())
        .isLessThanOrEqualTo(warnings.get(warnings.size() - 1).lastSeen());
  }

  @Test
  void kubeSystemIsHealthy() {
    // when
    List<PodSummary> pods = reads.pods("demo", "kube-system", null);
    Description node = reads.describe("demo", null, "node", "node-a");

    // then
    assertThat(pods).hasSize(6).allSatisfy(p -> assertThat(p.health()).isEqualTo(Health.HEALTHY));
    assertThat(node.health()).isEqualTo(Health.HEALTHY);
    assertThat(node.fields().get("Capacity")).contains("cpu=4", "memory=16Gi");
  }

  private static PodSummary pod(List<PodSummary> pods, String app) {
    return pods.stream().filter(p -> p.name().startsWith(app + "-")).findFirst().orElseThrow();
  }
}
