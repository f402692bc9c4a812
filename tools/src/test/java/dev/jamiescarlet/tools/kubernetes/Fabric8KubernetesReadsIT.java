package dev.jamiescarlet.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Fabric8KubernetesReadsIT {
  private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  private static KubernetesMockServer server;
  private static KubernetesClient client;
  private static KubeconfigClusterRegistry registry;
  private static Fabric8KubernetesReads reads;

  @BeforeAll
  static void startSeededServer() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.start();
    client = server.createClient();
    registry = KubeconfigClusterRegistry.of(Map.of("demo", client), "demo", "mock");
    reads = new Fabric8KubernetesReads(registry, Clock.fixed(NOW, ZoneOffset.UTC));
    seed();
  }

  @AfterAll
  static void stop() {
    registry.close();
    server.destroy();
  }

  @Test
  void podsShowTheReasonWorstFirst() {
    // when
    List<PodSummary> pods = reads.pods(null, "shop", null);

    // then
    assertThat(pods)
        .extracting(PodSummary::name)
        .containsExactly("checkout-a", "checkout-b", "payments-a", "search-a", "frontend-a");
    PodSummary checkout = pods.get(0);
    assertThat(checkout.status()).isEqualTo("CrashLoopBackOff");
    assertThat(checkout.owner()).isEqualTo("deploy/checkout");
    assertThat(pods.get(3).detail()).contains("Insufficient cpu");
    assertThat(reads.pods(null, "shop", "app=frontend"))
        .extracting(PodSummary::health)
        .containsExactly(Health.HEALTHY);
  }

  @Test
  void deploymentsCarryTheWorstPodProblem() {
    // when
    List<DeploymentSummary> deployments = reads.deployments(null, "shop");

    // then
    assertThat(deployments)
        .extracting(DeploymentSummary::name)
        .containsExactly("checkout", "frontend");
    DeploymentSummary checkout = deployments.get(0);
    assertThat(checkout.health()).isEqualTo(Health.FAILING);
    assertThat(checkout.problem()).isEqualTo("CrashLoopBackOff: exit code 1, 7 restarts");
    assertThat(checkout.desired()).isEqualTo(2);
    assertThat(checkout.images()).isEqualTo("ghcr.io/shop/checkout:v1");
    assertThat(deployments.get(1).health()).isEqualTo(Health.HEALTHY);
  }

  @Test
  void describePodListsStateConditionsEventsAndProblems() {
    // when
    Description payments = reads.describe(null, "shop", "po", "payments-a");

    // then
    assertThat(payments.fields())
        .containsEntry("Status", "Pending")
        .containsEntry("Reason", "ImagePullBackOff");
    assertThat(payments.fields().keySet()).startsWith("Namespace", "Labels", "Node", "Status");
    assertThat(payments.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.state()).isEqualTo("Waiting (ImagePullBackOff)"));
    assertThat(payments.events()).extracting(EventSummary::reason).contains("Failed");
    assertThat(payments.problems())
        .containsExactly(
            "ImagePullBackOff: Back-off pulling image \"ghcr.io/shop/payments:v9.9.9\"",
            "Failed: Failed to pull image \"ghcr.io/shop/payments:v9.9.9\": manifest unknown");
  }

  @Test
  void describeDeploymentDrawsProblemsFromItsPods() {
    // when
    Description checkout = reads.describe(null, "shop", "deploy", "checkout");

    // then
    assertThat(checkout.kind()).isEqualTo("Deployment");
    assertThat(checkout.fields())
        .containsEntry("Image", "ghcr.io/shop/checkout:v1")
        .containsKey("Replicas");
    assertThat(checkout.health()).isEqualTo(Health.FAILING);
    assertThat(checkout.problems()).first().isEqualTo("CrashLoopBackOff: exit code 1");
    assertThat(checkout.containers())
        .extracting(Description.ContainerState::name)
        .containsExactly("checkout-a/checkout", "checkout-b/checkout");
    assertThat(checkout.events()).extracting(EventSummary::object).contains("pod/checkout-a");
  }

  @Test
  void describeOtherKindsAndMistakes() {
    // when
    Description config = reads.describe(null, "shop", "cm", "checkout-config");
    Description node = reads.describe(null, null, "node", "node-a");

    // then
    assertThat(config.fields()).containsEntry("Data keys", "DB_PASSWORD_FILE, DB_URL");
    assertThat(config.toString()).doesNotContain("jdbc:");
    assertThat(node.health()).isEqualTo(Health.HEALTHY);
    assertThat(node.namespace()).isNull();
    assertThatThrownBy(() -> reads.describe(null, "shop", "deploy", "nope"))
        .isInstanceOfSatisfying(
            KubernetesToolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessage("deployment `nope` not found in namespace `shop` on cluster `demo`");
    assertThatThrownBy(() -> reads.describe(null, "shop", "ingress", "x"))
        .hasMessageContaining("Supported kinds");
  }

  @Test
  void logsOfADeploymentPickTheMostRestartedPod() {
    // given
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/shop/pods/checkout-a/log?pretty=false&container=checkout&previous=true&tailLines=2")
        .andReturn(200, "starting\njava.net.ConnectException: Connection refused\n")
        .always();

    // when
    drainRequests();
    LogResult logs = reads.logs(null, "shop", new LogRequest("deploy/checkout", null, 2, true));

    // then the log is one GET after the lookups: no readiness watch on the crash-looping pod
    List<String> paths = drainRequests();
    assertThat(paths).noneMatch(p -> p.contains("watch=true"));
    assertThat(paths).filteredOn(p -> p.contains("/log?")).hasSize(1);
    assertThat(logs.pod()).isEqualTo("checkout-a");
    assertThat(logs.container()).isEqualTo("checkout");
    assertThat(logs.lines())
        .containsExactly("starting", "java.net.ConnectException: Connection refused");
    assertThat(logs.otherPods()).containsExactly("checkout-b");
  }

  @Test
  void logsExplainMissingPreviousInstanceAndContainer() {
    // when / then
    assertThatThrownBy(
            () -> reads.logs(null, "shop", new LogRequest("pod/frontend-a", null, 10, true)))
        .hasMessageContaining("no previous instance")
        .hasMessageContaining("drop --previous");
    assertThatThrownBy(
            () -> reads.logs(null, "shop", new LogRequest("frontend-a", "sidecar", 10, false)))
        .hasMessageContaining("no container `sidecar`")
        .hasMessageContaining("`frontend`");
    assertThatThrownBy(() -> reads.logs(null, "shop", new LogRequest("sts/db", null, 10, false)))
        .hasMessageContaining("deploy/NAME");
  }

  @Test
  void eventsNewestFirstAndWarningsOnly() {
    // when
    List<EventSummary> all = reads.events(null, "shop", false);
    List<EventSummary> warnings = reads.events(null, "shop", true);

    // then
    assertThat(all)
        .extracting(EventSummary::reason)
        .containsExactly("BackOff", "Failed", "Scheduled");
    assertThat(warnings).extracting(EventSummary::type).containsOnly("Warning").hasSize(2);
    assertThat(all.get(0).object()).isEqualTo("pod/checkout-a");
    assertThat(all.get(0).count()).isEqualTo(31);
  }

  private static void seed() {
    for (String app : List.of("checkout", "frontend")) {
      client
          .apps()
          .deployments()
          .inNamespace("shop")
          .resource(
              new DeploymentBuilder()
                  .withNewMetadata()
                  .withName(app)
                  .withNamespace("shop")
                  .withCreationTimestamp(TestPods.CREATED)
                  .endMetadata()
                  .withNewSpec()
                  .withReplicas(app.equals("checkout") ? 2 : 1)
                  .withNewSelector()
                  .addToMatchLabels("app", app)
                  .endSelector()
                  .withNewTemplate()
                  .withNewMetadata()
                  .addToLabels("app", app)
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName(app)
                  .withImage("ghcr.io/shop/" + app + ":v1")
                  .endContainer()
                  .endSpec()
                  .endTemplate()
                  .endSpec()
                  .withNewStatus()
                  .withReadyReplicas(app.equals("checkout") ? 0 : 1)
                  .withUpdatedReplicas(1)
                  .endStatus()
                  .build())
          .create();
      client
          .apps()
          .replicaSets()
          .inNamespace("shop")
          .resource(
              new ReplicaSetBuilder()
                  .withNewMetadata()
                  .withName(app + "-7d9f8b6c5d")
                  .withNamespace("shop")
                  .addNewOwnerReference()
                  .withApiVersion("apps/v1")
                  .withKind("Deployment")
                  .withName(app)
                  .withUid("d-" + app)
                  .withController(true)
                  .endOwnerReference()
                  .endMetadata()
                  .withNewSpec()
                  .withNewSelector()
                  .addToMatchLabels("app", app)
                  .endSelector()
                  .endSpec()
                  .build())
          .create();
    }
    List<Pod> pods =
        List.of(
            TestPods.crashLoop("checkout-a", "checkout", 7),
            TestPods.crashLoop("checkout-b", "checkout", 6),
            TestPods.running("frontend-a", "frontend", true),
            TestPods.imagePull("payments-a", "payments"),
            TestPods.unschedulable("search-a", "search"));
    pods.forEach(p -> client.pods().inNamespace("shop").resource(p).create());
    event(
        "e1",
        "Warning",
        "BackOff",
        "checkout-a",
        "Back-off restarting failed container",
        "2025-01-01T11:59:00Z",
        31);
    event(
        "e2",
        "Warning",
        "Failed",
        "payments-a",
        "Failed to pull image \"ghcr.io/shop/payments:v9.9.9\": manifest unknown",
        "2025-01-01T11:50:00Z",
        4);
    event(
        "e3",
        "Normal",
        "Scheduled",
        "frontend-a",
        "Successfully assigned shop/frontend-a to node-a",
        "2025-01-01T10:00:00Z",
        1);
    client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("checkout-config")
                .withNamespace("shop")
                .endMetadata()
                .addToData("DB_URL", "jdbc:postgresql://orders-db:5432/orders")
                .addToData("DB_PASSWORD_FILE", "/run/pw")
                .build())
        .create();
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("node-a")
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .withReason("KubeletReady")
                .endCondition()
                .endStatus()
                .build())
        .create();
  }

  private static void event(
      String id, String type, String reason, String pod, String message, String last, int count) {
    client
        .v1()
        .events()
        .inNamespace("shop")
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(pod + "." + id)
                .withNamespace("shop")
                .endMetadata()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withCount(count)
                .withFirstTimestamp("2025-01-01T10:00:00Z")
                .withLastTimestamp(last)
                .withNewInvolvedObject()
                .withKind("Pod")
                .withName(pod)
                .withNamespace("shop")
                .endInvolvedObject()
                .build())
        .create();
  }

  // the paths of the requests the server has received since the last call
  private static List<String> drainRequests() {
    List<String> paths = new java.util.ArrayList<>();
    try {
      var r = server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      while (r != null) {
        paths.add(r.getPath());
        r = server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return paths;
  }
}
