package dev.jamiescarlet.tools.diagnosis;

import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Benchmark, not a test: diagnoses a namespace of 2,000 pods and 300 deployments on the fabric8
 * mock API server and prints the median wall time of 5 runs after warm-up, and the extra heap. Run
 * it with {@code bench/diagnose.sh}.
 */
public final class DiagnoseBenchmark {
  static final int DEPLOYMENTS = 300;
  static final int PODS = 2000;
  static final int RUNS = 5;
  static final int WARMUPS = 3;

  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private DiagnoseBenchmark() {}

  /** Seeds, warms up, measures, prints. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    MOCK_LOG.setLevel(Level.WARNING); // one INFO line per request would be measured too
    boolean crudMode = args.length > 0 && "crud".equals(args[0]);
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            crudMode ? crud : new KubernetesMixedDispatcher(responses),
            false);
    long seedStart = System.nanoTime();
    List<HasMetadata> all = objects();
    if (crudMode) {
      for (HasMetadata object : all) {
        crud.handleCreate(path(object), Serialization.asJson(object));
      }
    } else {
      serveLists(server, all);
    }
    server.start(InetAddress.getLoopbackAddress(), 0);
    out.printf(
        "seeded %d objects (%d pods, %d deployments) in-process in %d ms, %s%n",
        all.size(),
        PODS,
        DEPLOYMENTS,
        (System.nanoTime() - seedStart) / 1_000_000,
        crudMode
            ? "CRUD store (the mock filters and serialises every list per request)"
            : "lists pre-rendered (the mock only writes bytes, so the client side is measured)");
    try (KubeconfigClusterRegistry registry =
        KubeconfigClusterRegistry.of(Map.of("bench", server.createClient()), "bench", "mock")) {
      Diagnoser diagnoser = new Fabric8Diagnoser(registry, Clock.systemUTC());
      Diagnosis last = null;
      for (int i = 0; i < WARMUPS; i++) {
        last = diagnoser.diagnose("bench", "shop", null);
      }
      out.printf("warm-up: %d findings over %d pods%n", last.findings().size(), last.podsChecked());
      long[] millis = new long[RUNS];
      long[] extraPeak = new long[RUNS];
      long[] extraAfter = new long[RUNS];
      List<MemoryPoolMXBean> heap = heapPools();
      for (int i = 0; i < RUNS; i++) {
        long before = usedAfterGc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        last = diagnoser.diagnose("bench", "shop", null);
        millis[i] = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        extraPeak[i] = peak - before;
        extraAfter[i] = used() - before;
        out.printf(
            "run %d: %d ms, extra heap peak %d MB, right after %d MB, %d findings%n",
            i + 1, millis[i], mb(extraPeak[i]), mb(extraAfter[i]), last.findings().size());
      }
      out.printf(
          "median wall time %d ms; median extra heap (peak) %d MB, max %d MB; JVM %s, max heap %d"
              + " MB, %d CPUs%n",
          median(millis),
          mb(median(extraPeak)),
          mb(java.util.Arrays.stream(extraPeak).max().orElse(0)),
          System.getProperty("java.version"),
          mb(Runtime.getRuntime().maxMemory()),
          Runtime.getRuntime().availableProcessors());
    } finally {
      server.destroy();
    }
  }

  /**
   * Each list the diagnoser reads, rendered once as the API server would answer it; what is not
   * listed here (jobs, claims, endpoints, logs) falls through to the empty CRUD store.
   */
  private static void serveLists(KubernetesMockServer server, List<HasMetadata> all) {
    Map<String, List<HasMetadata>> byPath = new java.util.LinkedHashMap<>();
    for (HasMetadata object : all) {
      byPath.computeIfAbsent(path(object), k -> new ArrayList<>()).add(object);
    }
    byPath.forEach(
        (path, items) -> {
          String json =
              Serialization.asJson(
                  new io.fabric8.kubernetes.api.model.KubernetesListBuilder()
                      .withItems(items)
                      .build());
          server.expect().get().withPath(path).andReturn(200, json).always();
        });
  }

  /** The objects: nodes, and per deployment its ReplicaSet, Service, pods and one event each. */
  private static List<HasMetadata> objects() {
    List<HasMetadata> all = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      all.add(
          new NodeBuilder()
              .withNewMetadata()
              .withName("node-" + n)
              .endMetadata()
              .withNewStatus()
              .addNewCondition()
              .withType("Ready")
              .withStatus("True")
              .endCondition()
              .endStatus()
              .build());
    }
    int pod = 0;
    for (int d = 0; d < DEPLOYMENTS; d++) {
      String app = "app" + d;
      int replicas = PODS / DEPLOYMENTS + (d < PODS % DEPLOYMENTS ? 1 : 0);
      PodStatus status = status(d, app);
      boolean healthy = status == null;
      all.add(Fixtures.deployment(app, replicas, healthy ? replicas : 0));
      all.add(Fixtures.replicaSet(app));
      all.add(
          new ServiceBuilder()
              .withNewMetadata()
              .withName(app)
              .withNamespace(Fixtures.NS)
              .endMetadata()
              .withNewSpec()
              .addToSelector("app", app)
              .endSpec()
              .build());
      for (int r = 0; r < replicas; r++, pod++) {
        Pod p =
            new PodBuilder(Fixtures.pod(app, "p" + r, healthy ? Fixtures.running(app) : status))
                .editSpec()
                .withNodeName("node-" + (pod % 20))
                .endSpec()
                .build();
        all.add(p);
        all.add(event(p, healthy));
      }
    }
    return all;
  }

  /** One deployment in ten fails, in the four common ways; null means healthy. */
  private static PodStatus status(int d, String app) {
    return switch (d % 40) {
      case 1, 5, 9 -> Fixtures.waiting(app, "CrashLoopBackOff", 1, "Error");
      case 13 -> Fixtures.waiting(app, "CrashLoopBackOff", 137, "OOMKilled");
      case 17 -> Fixtures.waiting(app, "ImagePullBackOff", null, null);
      case 21 -> Fixtures.unschedulable("0/20 nodes are available: 20 Insufficient cpu.");
      default -> null;
    };
  }

  private static Event event(Pod pod, boolean healthy) {
    Event e =
        Fixtures.event(
            "Pod",
            pod.getMetadata().getName(),
            healthy ? "Started" : "BackOff",
            healthy ? "Started container" : "Back-off restarting failed container");
    e.getMetadata().setName(pod.getMetadata().getName() + ".e");
    return e;
  }

  private static String path(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    String namespace = object.getMetadata().getNamespace();
    String scope = namespace == null ? "" : "/namespaces/" + namespace;
    return base + scope + "/" + HasMetadata.getPlural(object.getClass());
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return used();
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long mb(long bytes) {
    return bytes / (1024 * 1024);
  }
}
