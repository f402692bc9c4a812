package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.DeploymentSummary;
import dev.jamiescarlet.tools.kubernetes.Description;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.jamiescarlet.tools.kubernetes.Health;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.LogRequest;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Canned cluster answers for unit tests of the verbs; the real reads are tested against a mock API
 * server.
 */
final class FakeCluster implements KubernetesReads, ClusterRegistry {
  final List<String> calls = new ArrayList<>();
  RuntimeException failWith;
  LogRequest lastLogRequest;
  List<String> names = List.of();

  @Override
  public List<String> names(String cluster, String namespace, String kind) {
    return names;
  }

  static PodSummary pod(
      String name,
      String owner,
      String status,
      String detail,
      int restarts,
      Integer exit,
      Health h) {
    return new PodSummary(
        name,
        "shop",
        h == Health.PENDING ? "Pending" : "Running",
        h == Health.HEALTHY ? 1 : 0,
        1,
        restarts,
        status,
        detail,
        exit,
        exit == null ? null : "Error",
        Duration.ofMinutes(42),
        "node-a",
        owner,
        h);
  }

  @Override
  public List<PodSummary> pods(String cluster, String namespace, String labelSelector) {
    calls.add("pods " + cluster + " " + namespace + " " + labelSelector);
    failIfAsked();
    return List.of(
        pod(
            "checkout-1",
            "deploy/checkout",
            "CrashLoopBackOff",
            "exit code 1",
            7,
            1,
            Health.FAILING),
        pod(
            "checkout-2",
            "deploy/checkout",
            "CrashLoopBackOff",
            "exit code 1",
            6,
            1,
            Health.FAILING),
        pod(
            "payments-1",
            "deploy/payments",
            "ImagePullBackOff",
            "Back-off pulling image \"ghcr.io/shop/payments:v9.9.9\"",
            0,
            null,
            Health.FAILING),
        pod(
            "catalog-1",
            "deploy/catalog",
            "OOMKilled",
            "exit code 137, limit 128Mi",
            4,
            137,
            Health.FAILING),
        pod(
            "search-1",
            "deploy/search",
            "Unschedulable",
            "0/3 nodes are available: 3 Insufficient cpu.",
            0,
            null,
            Health.PENDING),
        pod("frontend-1", "deploy/frontend", "Running", "", 0, null, Health.HEALTHY));
  }

  @Override
  public List<DeploymentSummary> deployments(String cluster, String namespace) {
    failIfAsked();
    return List.of(
        new DeploymentSummary(
            "checkout",
            "shop",
            2,
            0,
            2,
            0,
            Duration.ofHours(3),
            "ghcr.io/shop/checkout:v2",
            Health.FAILING,
            "CrashLoopBackOff: exit code 1, 7 restarts"),
        new DeploymentSummary(
            "frontend",
            "shop",
            3,
            3,
            3,
            3,
            Duration.ofDays(3),
            "ghcr.io/shop/frontend:v1",
            Health.HEALTHY,
            ""));
  }

  @Override
  public Description describe(String cluster, String namespace, String kind, String name) {
    calls.add("describe " + cluster + " " + namespace + " " + kind + " " + name);
    failIfAsked();
    LinkedHashMap<String, String> fields = new LinkedHashMap<>();
    fields.put("Replicas", "1 desired, 0 ready");
    fields.put("Image", "ghcr.io/shop/payments:v9.9.9");
    return new Description(
        "Deployment",
        name,
        namespace,
        fields,
        List.of(
            new Description.ContainerState(
                "payments",
                "ghcr.io/shop/payments:v9.9.9",
                "Waiting (ImagePullBackOff)",
                "",
                false,
                0)),
        List.of("Available=False (MinimumReplicasUnavailable)"),
        List.of(
            new EventSummary(
                "Warning",
                "Failed",
                "pod/payments-1",
                "shop",
                "Failed to pull image: not found",
                5,
                Duration.ofMinutes(1))),
        Health.FAILING,
        List.of(
            "ImagePullBackOff: Failed to pull image \"ghcr.io/shop/payments:v9.9.9\": not found"));
  }

  @Override
  public LogResult logs(String cluster, String namespace, LogRequest request) {
    lastLogRequest = request;
    failIfAsked();
    return new LogResult(
        "checkout-1",
        "checkout",
        request.previous(),
        List.of("Starting checkout", "Caused by: java.net.ConnectException: Connection refused"),
        List.of("checkout-2"));
  }

  @Override
  public List<EventSummary> events(String cluster, String namespace, boolean warningsOnly) {
    failIfAsked();
    return List.of(
        new EventSummary(
            "Warning",
            "BackOff",
            "pod/checkout-1",
            "shop",
            "Back-off restarting failed container",
            12,
            Duration.ofMinutes(2)));
  }

  @Override
  public List<ClusterInfo> clusters() {
    return List.of(new ClusterInfo("demo", "https://127.0.0.1:6443", "demo", "default", true));
  }

  @Override
  public ClusterInfo resolve(String name) {
    if (name != null && !name.equals("demo")) {
      throw new KubernetesToolException(
          KubernetesToolException.Kind.UNKNOWN_CLUSTER,
          "I don't know cluster `" + name + "`. Known clusters: `demo`.");
    }
    return clusters().get(0);
  }

  @Override
  public KubernetesClient client(String name) {
    throw new UnsupportedOperationException("verbs use KubernetesReads, not the raw client");
  }

  @Override
  public void close() {}

  CommandContext context() {
    return new CommandContext(
        "U0ADA", "C0SHOP", null, this, this, Commands.standard(), Clock.systemUTC(), null, null);
  }

  private void failIfAsked() {
    if (failWith != null) {
      throw failWith;
    }
  }
}
