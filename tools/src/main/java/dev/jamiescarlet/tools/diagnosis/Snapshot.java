package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one diagnosis run read from the cluster, each list fetched once, with the indexes the
 * analyzers share (pods by workload, events by object) built once.
 */
public final class Snapshot {
  private final String cluster;
  private final String namespace;
  private final Instant now;
  private final List<Pod> pods;
  private final List<Deployment> deployments;
  private final List<ReplicaSet> replicaSets;
  private final List<Event> events;
  private final List<Job> jobs;
  private final List<PersistentVolumeClaim> claims;
  private final List<Service> services;
  private final List<Endpoints> endpoints;
  private final List<Node> nodes;
  private final LogSource logs;
  private final Map<ObjectRef, List<Pod>> podsByWorkload = new LinkedHashMap<>();
  private final Map<Pod, ObjectRef> workloadOfPod = new IdentityHashMap<>();
  private final Map<ObjectRef, List<Event>> eventsByObject = new HashMap<>();

  private Snapshot(Builder b) {
    this.cluster = b.cluster;
    this.namespace = b.namespace;
    this.now = b.now;
    this.pods = List.copyOf(b.pods);
    this.deployments = List.copyOf(b.deployments);
    this.replicaSets = List.copyOf(b.replicaSets);
    this.events = List.copyOf(b.events);
    this.jobs = List.copyOf(b.jobs);
    this.claims = List.copyOf(b.claims);
    this.services = List.copyOf(b.services);
    this.endpoints = List.copyOf(b.endpoints);
    this.nodes = List.copyOf(b.nodes);
    this.logs = b.logs;
    indexPods();
    indexEvents();
  }

  /** Starts an empty snapshot of cluster {@code demo}, namespace {@code shop} by default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The cluster's name. */
  public String cluster() {
    return cluster;
  }

  /** The namespace read, or null when all namespaces were. */
  public String namespace() {
    return namespace;
  }

  /** When the snapshot was taken. */
  public Instant now() {
    return now;
  }

  /** Pods. */
  public List<Pod> pods() {
    return pods;
  }

  /** Deployments. */
  public List<Deployment> deployments() {
    return deployments;
  }

  /** Jobs. */
  public List<Job> jobs() {
    return jobs;
  }

  /** PersistentVolumeClaims. */
  public List<PersistentVolumeClaim> claims() {
    return claims;
  }

  /** Services. */
  public List<Service> services() {
    return services;
  }

  /** Endpoints. */
  public List<Endpoints> endpoints() {
    return endpoints;
  }

  /** Nodes (empty when the bot may not list them). */
  public List<Node> nodes() {
    return nodes;
  }

  /** Where previous logs come from. */
  public LogSource logs() {
    return logs;
  }

  /** Pods grouped by the workload that owns them (a Deployment through its ReplicaSet). */
  public Map<ObjectRef, List<Pod>> podsByWorkload() {
    return podsByWorkload;
  }

  /** The workload that owns a pod of this snapshot, or the pod itself when it has no owner. */
  public ObjectRef workloadOf(Pod pod) {
    ObjectRef ref = workloadOfPod.get(pod);
    return ref != null ? ref : podRef(pod);
  }

  /** Events about one object, newest first. */
  public List<Event> eventsAbout(ObjectRef object) {
    return eventsByObject.getOrDefault(object, List.of());
  }

  /** Events about any of the pods, newest first. */
  public List<Event> eventsAboutPods(List<Pod> pods) {
    List<Event> out = new ArrayList<>();
    for (Pod pod : pods) {
      out.addAll(eventsAbout(podRef(pod)));
    }
    out.sort(NEWEST_FIRST);
    return out;
  }

  static ObjectRef podRef(Pod pod) {
    return new ObjectRef("Pod", pod.getMetadata().getName(), pod.getMetadata().getNamespace());
  }

  static final Comparator<Event> NEWEST_FIRST =
      Comparator.comparing(Snapshot::seen, Comparator.nullsLast(Comparator.reverseOrder()));

  private static String seen(Event e) {
    if (e.getLastTimestamp() != null) {
      return e.getLastTimestamp();
    }
    return e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp();
  }

  private void indexPods() {
    Map<String, String> deploymentOfReplicaSet = new HashMap<>();
    for (ReplicaSet rs : replicaSets) {
      OwnerReference owner = controller(rs.getMetadata().getOwnerReferences());
      if (owner != null && "Deployment".equals(owner.getKind())) {
        deploymentOfReplicaSet.put(
            rs.getMetadata().getNamespace() + "/" + rs.getMetadata().getName(), owner.getName());
      }
    }
    for (Pod pod : pods) {
      String ns = pod.getMetadata().getNamespace();
      OwnerReference owner = controller(pod.getMetadata().getOwnerReferences());
      ObjectRef ref;
      if (owner == null) {
        ref = podRef(pod);
      } else if ("ReplicaSet".equals(owner.getKind())) {
        String deployment = deploymentOfReplicaSet.get(ns + "/" + owner.getName());
        ref =
            deployment != null
                ? new ObjectRef("Deployment", deployment, ns)
                : new ObjectRef("Deployment", stripHash(owner.getName()), ns);
      } else {
        ref = new ObjectRef(owner.getKind(), owner.getName(), ns);
      }
      workloadOfPod.put(pod, ref);
      podsByWorkload.computeIfAbsent(ref, k -> new ArrayList<>()).add(pod);
    }
  }

  /** Without the ReplicaSet (not allowed to list them), checkout-7d9f8b6c5d is deploy/checkout. */
  private static String stripHash(String replicaSet) {
    int dash = replicaSet.lastIndexOf('-');
    return dash > 0 ? replicaSet.substring(0, dash) : replicaSet;
  }

  private void indexEvents() {
    for (Event e : events) {
      if (e.getInvolvedObject() == null || e.getInvolvedObject().getName() == null) {
        continue;
      }
      String ns =
          e.getInvolvedObject().getNamespace() != null
              ? e.getInvolvedObject().getNamespace()
              : e.getMetadata() == null ? null : e.getMetadata().getNamespace();
      if ("Node".equals(e.getInvolvedObject().getKind())) {
        ns = null;
      }
      ObjectRef ref =
          new ObjectRef(
              Objects.toString(e.getInvolvedObject().getKind(), ""),
              e.getInvolvedObject().getName(),
              ns);
      eventsByObject.computeIfAbsent(ref, k -> new ArrayList<>()).add(e);
    }
    eventsByObject.values().forEach(list -> list.sort(NEWEST_FIRST));
  }

  private static OwnerReference controller(List<OwnerReference> owners) {
    if (owners == null || owners.isEmpty()) {
      return null;
    }
    return owners.stream()
        .filter(o -> Boolean.TRUE.equals(o.getController()))
        .findFirst()
        .orElse(owners.get(0));
  }

  /** Builds a {@link Snapshot}; lists not set stay empty. */
  public static final class Builder {
    private String cluster = "demo";
    private String namespace = "shop";
    private Instant now = Instant.EPOCH;
    private List<Pod> pods = List.of();
    private List<Deployment> deployments = List.of();
    private List<ReplicaSet> replicaSets = List.of();
    private List<Event> events = List.of();
    private List<Job> jobs = List.of();
    private List<PersistentVolumeClaim> claims = List.of();
    private List<Service> services = List.of();
    private List<Endpoints> endpoints = List.of();
    private List<Node> nodes = List.of();
    private LogSource logs = LogSource.NONE;

    private Builder() {}

    /** Cluster name and namespace (null for all namespaces). */
    public Builder scope(String cluster, String namespace) {
      this.cluster = cluster;
      this.namespace = namespace;
      return this;
    }

    /** When it was taken. */
    public Builder now(Instant now) {
      this.now = now;
      return this;
    }

    /** Pods. */
    public Builder pods(List<Pod> pods) {
      this.pods = pods;
      return this;
    }

    /** Deployments. */
    public Builder deployments(List<Deployment> deployments) {
      this.deployments = deployments;
      return this;
    }

    /** ReplicaSets, to find pods' deployments. */
    public Builder replicaSets(List<ReplicaSet> replicaSets) {
      this.replicaSets = replicaSets;
      return this;
    }

    /** Events. */
    public Builder events(List<Event> events) {
      this.events = events;
      return this;
    }

    /** Jobs. */
    public Builder jobs(List<Job> jobs) {
      this.jobs = jobs;
      return this;
    }

    /** PersistentVolumeClaims. */
    public Builder claims(List<PersistentVolumeClaim> claims) {
      this.claims = claims;
      return this;
    }

    /** Services. */
    public Builder services(List<Service> services) {
      this.services = services;
      return this;
    }

    /** Endpoints. */
    public Builder endpoints(List<Endpoints> endpoints) {
      this.endpoints = endpoints;
      return this;
    }

    /** Nodes. */
    public Builder nodes(List<Node> nodes) {
      this.nodes = nodes;
      return this;
    }

    /** Where previous logs come from. */
    public Builder logs(LogSource logs) {
      this.logs = Objects.requireNonNull(logs, "logs");
      return this;
    }

    /** The snapshot, indexed. */
    public Snapshot build() {
      return new Snapshot(this);
    }
  }
}
