package dev.jamiescarlet.bot.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.BiConsumer;

/** A fabric8 mock API server on a local port, seeded with the demo `shop` and its failures. */
public final class DemoCluster implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final KubernetesCrudDispatcher crud;
  private final DemoLogs logs;

  /** What the demo's API servers answer on GET /version. */
  public static final String VERSION = "v1.31.4";

  static final CustomResourceDefinitionContext TENANT_CONTROL_PLANE =
      new CustomResourceDefinitionContext.Builder()
          .withGroup("kamaji.clastix.io")
          .withVersion("v1alpha1")
          .withKind("TenantControlPlane")
          .withPlural("tenantcontrolplanes")
          .withScope("Namespaced")
          .build();

  private DemoCluster(
      KubernetesMockServer server, KubernetesCrudDispatcher crud, DemoLogs logs, String namespace) {
    this.server = server;
    this.logs = logs;
    this.crud = crud;
    this.client = server.createClient().inNamespace(namespace);
  }

  /** Starts a seeded demo cluster on a random local port. */
  public static DemoCluster start() {
    return start(Clock.systemUTC());
  }

  /** As {@link #start()}, with ages measured from the given clock. */
  public static DemoCluster start(Clock clock) {
    return start(clock, DemoShop::seed, DemoShop.SHOP);
  }

  /**
   * A cluster seeded by {@code story}, knowing Kamaji's TenantControlPlane, answering GET /version
   * with {@link #VERSION}.
   */
  static DemoCluster start(Clock clock, BiConsumer<DemoObjects, DemoLogs> story, String namespace) {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of(TENANT_CONTROL_PLANE));
    DemoLogs logs = new DemoLogs();
    DemoObjects objects = new DemoObjects(clock.instant());
    story.accept(objects, logs);
    seed(crud, objects);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new DemoDispatcher(responses, crud, logs),
            false,
            new VersionInfo.Builder()
                .withMajor("1")
                .withMinor("31")
                .withGitVersion(VERSION)
                .withPlatform("linux/amd64")
                .build());
    server.start(InetAddress.getLoopbackAddress(), 0);
    return new DemoCluster(server, crud, logs, namespace);
  }

  /** Stores an object at the collection {@code path} straight into the CRUD store, no HTTP. */
  void store(String path, HasMetadata object) {
    crud.handleCreate(path, Serialization.asJson(object));
  }

  /**
   * Appends log lines to the pods named {@code podPrefix}… in {@code namespace}, current or
   * previous run, so evals and the injection suite can plant what the tools will read.
   *
   * @throws IllegalArgumentException when no such pod instance has logs
   */
  public void plantLogLines(
      String namespace, String podPrefix, boolean previous, List<String> text) {
    if (logs.append(namespace, podPrefix, previous, text) == 0) {
      throw new IllegalArgumentException(
          "No pod named `"
              + podPrefix
              + "…` in namespace `"
              + namespace
              + "` has "
              + (previous ? "a previous run's" : "current")
              + " logs; plant lines on a demo pod that has them (see DemoShop and DemoFailures)");
    }
  }

  /** A client for the demo cluster (default namespace `shop`; `default` for tenants). */
  public KubernetesClient client() {
    return client;
  }

  /** The API server URL, e.g. http://127.0.0.1:40123/. */
  public String url() {
    return server.url("/");
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }

  /** Stores objects straight into the CRUD store: no HTTP on the start-up path. */
  private static void seed(KubernetesCrudDispatcher crud, DemoObjects objects) {
    Map<String, String> created = new HashMap<>();
    for (HasMetadata object : objects.objects()) {
      crud.handleCreate(path(object), Serialization.asJson(object));
      created.put(
          key(
              object.getKind(),
              object.getMetadata().getNamespace(),
              object.getMetadata().getName()),
          object.getMetadata().getCreationTimestamp());
    }
    // the mock stamps creationTimestamp with "now" on create; put the story's ages back
    for (Map.Entry<AttributeSet, String> entry : crud.getMap().entrySet()) {
      HasMetadata stored = Serialization.unmarshal(entry.getValue());
      String wanted =
          created.get(
              key(
                  stored.getKind(),
                  stored.getMetadata().getNamespace(),
                  stored.getMetadata().getName()));
      if (wanted != null) {
        stored.getMetadata().setCreationTimestamp(wanted);
      }
      // the store's PATCH copies these four from the stored object and fails without them
      var meta = stored.getMetadata();
      if (meta.getUid() == null) {
        meta.setUid(
            java.util
                .UUID
                .nameUUIDFromBytes(
                    entry.getKey().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
      }
      if (meta.getResourceVersion() == null) {
        meta.setResourceVersion("1");
      }
      if (meta.getGeneration() == null) {
        meta.setGeneration(1L);
      }
      if (meta.getCreationTimestamp() == null) {
        meta.setCreationTimestamp(java.time.Instant.now().toString());
      }
      entry.setValue(Serialization.asJson(stored));
    }
  }

  private static String path(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    String namespace = object.getMetadata().getNamespace();
    String scope = namespace == null ? "" : "/namespaces/" + namespace;
    return base + scope + "/" + HasMetadata.getPlural(object.getClass());
  }

  private static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }
}
