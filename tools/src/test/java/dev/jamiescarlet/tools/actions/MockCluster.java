package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
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

/** A seeded fabric8 mock API server (CRUD plus expectations) with Actions over it. */
final class MockCluster implements AutoCloseable {
  static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  final KubernetesMockServer server;
  final KubernetesClient client;
  final KubeconfigClusterRegistry registry;
  final Actions actions;

  MockCluster() {
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

  @Override
  public void close() {
    registry.close();
    server.destroy();
  }
}
