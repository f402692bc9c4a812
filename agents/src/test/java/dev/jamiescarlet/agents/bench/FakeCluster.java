package dev.jamiescarlet.agents.bench;

import dev.jamiescarlet.tools.diagnosis.Diagnoser;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.DeploymentSummary;
import dev.jamiescarlet.tools.kubernetes.Description;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.LogRequest;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory cluster for the agent benchmark: fixed logs and events answered without I/O, so the
 * figures are the agent's own work (no fabric8, no HTTP to an API server).
 */
final class FakeCluster implements KubernetesReads, ClusterRegistry {
  static final String NAME = "bench";

  private static final ClusterInfo INFO =
      new ClusterInfo(NAME, "https://bench.invalid", "benchmark", "shop", true);
  private static final List<String> LINES = lines();
  private static final List<EventSummary> EVENTS = events();

  /** A diagnoser the benchmark dialogues never call. */
  static Diagnoser noDiagnosis() {
    return (cluster, namespace, target) -> {
      throw new UnsupportedOperationException("the benchmark dialogues do not diagnose");
    };
  }

  @Override
  public LogResult logs(String cluster, String namespace, LogRequest request) {
    int from = Math.max(0, LINES.size() - request.tailLines());
    return new LogResult(
        "checkout-7d9f8c6b5-x2kqp",
        "app",
        request.previous(),
        LINES.subList(from, LINES.size()),
        List.of("checkout-7d9f8c6b5-9zl4m"));
  }

  @Override
  public List<EventSummary> events(String cluster, String namespace, boolean warningsOnly) {
    return EVENTS;
  }

  @Override
  public List<PodSummary> pods(String cluster, String namespace, String labelSelector) {
    throw new UnsupportedOperationException("the benchmark dialogues do not list pods");
  }

  @Override
  public List<DeploymentSummary> deployments(String cluster, String namespace) {
    throw new UnsupportedOperationException("the benchmark dialogues do not list deployments");
  }

  @Override
  public Description describe(String cluster, String namespace, String kind, String name) {
    throw new UnsupportedOperationException("the benchmark dialogues do not describe objects");
  }

  @Override
  public List<ClusterInfo> clusters() {
    return List.of(INFO);
  }

  @Override
  public ClusterInfo resolve(String name) {
    return INFO;
  }

  @Override
  public KubernetesClient client(String name) {
    throw new UnsupportedOperationException("the fake cluster has no client");
  }

  @Override
  public void close() {}

  private static List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      lines.add(
          "2026-11-21T12:00:"
              + String.format("%02d", i)
              + "Z INFO  [main] c.e.checkout.Pool - connecting to orders-db.shop.svc:5432 attempt "
              + i);
    }
    lines.add(
        "2026-11-21T12:01:00Z ERROR [main] c.e.checkout.App - Connection to"
            + " orders-db.shop.svc.cluster.local:5432 refused");
    lines.add("java.net.ConnectException: Connection refused");
    return List.copyOf(lines);
  }

  private static List<EventSummary> events() {
    List<EventSummary> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(
          new EventSummary(
              "Warning",
              i % 2 == 0 ? "BackOff" : "Unhealthy",
              "pod/checkout-7d9f8c6b5-x2kqp",
              "shop",
              i % 2 == 0
                  ? "Back-off restarting failed container app in pod checkout-7d9f8c6b5-x2kqp"
                  : "Readiness probe failed: HTTP probe failed with statuscode: 503",
              12 + i,
              Duration.ofSeconds(30L * (i + 1))));
    }
    return List.copyOf(events);
  }
}
