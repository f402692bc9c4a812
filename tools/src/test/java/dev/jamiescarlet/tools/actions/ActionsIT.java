package dev.jamiescarlet.tools.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.actions.WriteAction.Restart;
import dev.jamiescarlet.tools.actions.WriteAction.Scale;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionsIT {
  static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  KubernetesMockServer server;
  KubernetesClient client;
  KubeconfigClusterRegistry registry;
  Actions actions;

  @BeforeEach
  void start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new DryRunDispatcher(new KubernetesMixedDispatcher(responses), responses),
            false);
    server.start();
    client = server.createClient();
    registry = KubeconfigClusterRegistry.of(Map.of("demo", client), "demo", "mock");
    actions = new Actions(registry, Clock.fixed(NOW, ZoneOffset.UTC));
    ActionsSeed.seed(client);
  }

  @AfterEach
  void stop() {
    registry.close();
    server.destroy();
  }

  private Deployment deployment(String name) {
    return client.apps().deployments().inNamespace("shop").withName(name).get();
  }

  @Test
  void restartSetsTheRestartedAtAnnotationLikeKubectl() {
    // given
    var restart = new Restart(WorkloadKind.DEPLOYMENT, "shop", "checkout");

    // when
    Preview preview = actions.preview(null, Identity.BOT, restart);
    Result result = actions.execute(null, Identity.BOT, restart);

    // then
    assertThat(preview.cluster()).isEqualTo("demo");
    assertThat(preview.change())
        .contains("\"kubectl.kubernetes.io/restartedAt\" : \"2025-01-01T12:00:00Z\"");
    assertThat(preview.pods()).containsExactly("shop/checkout-h3-aaaaa", "shop/checkout-h3-bbbbb");
    assertThat(preview.dryRun().passed()).isTrue();
    assertThat(result.message())
        .isEqualTo("Restarted deployment shop/checkout: new pods will roll out (2 replicas)");
    assertThat(deployment("checkout").getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry(WorkloadPlans.RESTARTED_AT, "2025-01-01T12:00:00Z");
  }

  @Test
  void scaleChangesReplicas() {
    // when
    Preview preview =
        actions.preview(null, null, new Scale(WorkloadKind.DEPLOYMENT, "shop", "checkout", 5));
    Result result =
        actions.execute(null, null, new Scale(WorkloadKind.DEPLOYMENT, "shop", "checkout", 5));

    // then
    assertThat(preview.changes())
        .extracting(Preview.Change::line)
        .containsExactly("replicas: 2 → 5");
    assertThat(preview.impact()).isEqualTo("3 more pods will start");
    assertThat(result.message()).isEqualTo("Scaled deployment shop/checkout from 2 to 5");
    assertThat(deployment("checkout").getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void dryRunSendsDryRunAllAndChangesNothing() throws InterruptedException {
    // when
    Preview preview =
        actions.preview(null, null, new Scale(WorkloadKind.DEPLOYMENT, "shop", "checkout", 7));

    // then
    assertThat(preview.dryRun().passed()).isTrue();
    assertThat(server.getLastRequest().getMethod()).isEqualTo("PATCH");
    assertThat(server.getLastRequest().getPath()).contains("dryRun=All");
    assertThat(deployment("checkout").getSpec().getReplicas()).isEqualTo(2);
  }
}
