package dev.jamiescarlet.agents.tools;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * A fabric8 mock API server in CRUD mode seeded with namespace {@code shop}: deployment {@code
 * checkout} whose pod {@code checkout-a} crash-loops, and deployment {@code frontend} running.
 */
public final class ShopCluster {
  static final String CREATED = "2025-01-01T10:00:00Z";
  public static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
  static final String PREVIOUS_LOG =
      "starting checkout\n"
          + "using token "
          + TOKEN
          + "\n"
          + "java.net.ConnectException: connection refused (orders-db:5432)\n";

  private ShopCluster() {}

  public static KubernetesMockServer start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.start();
    seed(server.createClient());
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/shop/pods/checkout-a/log"
                + "?pretty=false&container=checkout&previous=true&tailLines=50")
        .andReturn(200, PREVIOUS_LOG)
        .always();
    return server;
  }

  private static void seed(KubernetesClient client) {
    for (String app : new String[] {"checkout", "frontend"}) {
      client
          .apps()
          .deployments()
          .inNamespace("shop")
          .resource(
              new DeploymentBuilder()
                  .withNewMetadata()
                  .withName(app)
                  .withNamespace("shop")
                  .withCreationTimestamp(CREATED)
                  .endMetadata()
                  .withNewSpec()
                  .withReplicas(1)
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
                  .withReplicas(1)
                  .withReadyReplicas(app.equals("checkout") ? 0 : 1)
                  .withUpdatedReplicas(1)
                  .withAvailableReplicas(app.equals("checkout") ? 0 : 1)
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
    client.pods().inNamespace("shop").resource(crashLoop()).create();
    client.pods().inNamespace("shop").resource(running()).create();
    client
        .v1()
        .events()
        .inNamespace("shop")
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("e1")
                .withNamespace("shop")
                .endMetadata()
                .withType("Warning")
                .withReason("BackOff")
                .withMessage("Back-off restarting failed container checkout")
                .withNewInvolvedObject()
                .withKind("Pod")
                .withName("checkout-a")
                .withNamespace("shop")
                .endInvolvedObject()
                .withLastTimestamp("2025-01-01T11:59:00Z")
                .withCount(31)
                .build())
        .create();
  }

  private static PodBuilder pod(String name, String app) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .withCreationTimestamp(CREATED)
        .addToLabels("app", app)
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName(app + "-7d9f8b6c5d")
        .withUid("uid-" + app)
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-a")
        .addNewContainer()
        .withName(app)
        .withImage("ghcr.io/shop/" + app + ":v1")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .endStatus();
  }

  private static Pod crashLoop() {
    return pod("checkout-a", "checkout")
        .editStatus()
        .addToContainerStatuses(
            new ContainerStatusBuilder()
                .withName("checkout")
                .withReady(false)
                .withRestartCount(7)
                .withNewState()
                .withNewWaiting()
                .withReason("CrashLoopBackOff")
                .withMessage("back-off 5m0s restarting failed container=checkout")
                .endWaiting()
                .endState()
                .withNewLastState()
                .withNewTerminated()
                .withExitCode(1)
                .withReason("Error")
                .endTerminated()
                .endLastState()
                .build())
        .endStatus()
        .build();
  }

  private static Pod running() {
    return pod("frontend-a", "frontend")
        .editStatus()
        .addToContainerStatuses(
            new ContainerStatusBuilder()
                .withName("frontend")
                .withReady(true)
                .withRestartCount(0)
                .withNewState()
                .withNewRunning()
                .withStartedAt(CREATED)
                .endRunning()
                .endState()
                .build())
        .endStatus()
        .build();
  }
}
