package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change to a cluster that can be previewed (with a server-side dry run) and executed by {@link
 * Actions}. Records validate what can be checked without a cluster and throw {@link
 * KubernetesToolException} INVALID_REQUEST otherwise.
 */
public sealed interface WriteAction {

  /**
   * The policy verb: restart, scale, limits, rollback, delete, cordon, uncordon, suspend, resume or
   * sync.
   */
  String verb();

  /** The object acted on as {@code kind/name}, e.g. {@code deployment/checkout}. */
  String target();

  /** The namespace, or null for cluster-scoped objects (nodes). */
  String namespace();

  /** One line for people, e.g. "restart deployment shop/checkout". */
  default String describe() {
    String kind = target().substring(0, target().indexOf('/'));
    String name = target().substring(target().indexOf('/') + 1);
    return verb() + " " + kind + " " + (namespace() == null ? name : namespace() + "/" + name);
  }

  /**
   * Rolling restart, exactly as {@code kubectl rollout restart}: sets the pod template annotation
   * {@code kubectl.kubernetes.io/restartedAt} to now.
   */
  record Restart(WorkloadKind kind, String namespace, String name) implements WriteAction {
    /** Validates the fields. */
    public Restart {
      Objects.requireNonNull(kind, "kind");
      namespace = required(namespace, "namespace");
      name = required(name, "name");
    }

    @Override
    public String verb() {
      return "restart";
    }

    @Override
    public String target() {
      return kind.noun() + "/" + name;
    }
  }

  /** Sets a deployment's or statefulset's replicas. */
  record Scale(WorkloadKind kind, String namespace, String name, int replicas)
      implements WriteAction {
    /** Validates the fields: no daemonsets, no negative replicas. */
    public Scale {
      Objects.requireNonNull(kind, "kind");
      namespace = required(namespace, "namespace");
      name = required(name, "name");
      if (kind == WorkloadKind.DAEMONSET) {
        throw invalid(
            "daemonset " + namespace + "/" + name + " runs one pod per node; it cannot be scaled.");
      }
      if (replicas < 0) {
        throw invalid(
            "cannot scale "
                + kind.noun()
                + " "
                + namespace
                + "/"
                + name
                + " to "
                + replicas
                + " replicas; use 0 or more.");
      }
    }

    @Override
    public String verb() {
      return "scale";
    }

    @Override
    public String target() {
      return kind.noun() + "/" + name;
    }

    @Override
    public String describe() {
      return WriteAction.super.describe() + " to " + replicas;
    }
  }

  /**
   * Sets one container's resource limits on a deployment or statefulset; a request above its new
   * limit is lowered to it.
   *
   * @param container the container, or null for the only one
   * @param memory the new memory limit (e.g. 1Gi), or null to leave it
   * @param cpu the new cpu limit (e.g. 500m), or null to leave it
   */
  record Limits(
      WorkloadKind kind, String namespace, String name, String container, String memory, String cpu)
      implements WriteAction {
    /** Validates the fields: a deployment or statefulset, and at least one valid quantity. */
    public Limits {
      Objects.requireNonNull(kind, "kind");
      namespace = required(namespace, "namespace");
      name = required(name, "name");
      container = container == null || container.isBlank() ? null : container.trim();
      if (kind == WorkloadKind.DAEMONSET) {
        throw invalid(
            "limits works on deployments and statefulsets, not daemonset "
                + namespace
                + "/"
                + name
                + ".");
      }
      if (memory == null && cpu == null) {
        throw invalid("give a memory limit, a cpu limit or both, e.g. memory 1Gi, cpu 500m.");
      }
      memory = memory == null ? null : ResourceQuantities.memory(memory);
      cpu = cpu == null ? null : ResourceQuantities.cpu(cpu);
    }

    @Override
    public String verb() {
      return "limits";
    }

    @Override
    public String target() {
      return kind.noun() + "/" + name;
    }

    @Override
    public String describe() {
      List<String> values = new ArrayList<>();
      if (memory != null) {
        values.add("memory " + memory);
      }
      if (cpu != null) {
        values.add("cpu " + cpu);
      }
      return "set limits of "
          + kind.noun()
          + " "
          + namespace
          + "/"
          + name
          + (container == null ? "" : " container " + container)
          + " to "
          + String.join(", ", values);
    }
  }

  /**
   * Rolls a deployment's pod template back to an earlier revision, as {@code kubectl rollout undo}.
   *
   * @param revision the revision to go back to, or null for the one before the current
   */
  record Rollback(String namespace, String deployment, Long revision) implements WriteAction {
    /** Validates the fields. */
    public Rollback {
      namespace = required(namespace, "namespace");
      deployment = required(deployment, "deployment");
      if (revision != null && revision < 1) {
        throw invalid("revision " + revision + " does not exist; revisions start at 1.");
      }
    }

    @Override
    public String verb() {
      return "rollback";
    }

    @Override
    public String target() {
      return "deployment/" + deployment;
    }

    @Override
    public String describe() {
      return WriteAction.super.describe()
          + (revision == null ? " to the previous revision" : " to revision " + revision);
    }
  }

  /** Deletes one pod; its controller, if any, starts a replacement. */
  record DeletePod(String namespace, String name) implements WriteAction {
    /** Validates the fields. */
    public DeletePod {
      namespace = required(namespace, "namespace");
      name = required(name, "name");
    }

    @Override
    public String verb() {
      return "delete";
    }

    @Override
    public String target() {
      return "pod/" + name;
    }
  }

  /** Marks a node unschedulable; pods on it keep running. */
  record Cordon(String node) implements WriteAction {
    /** Validates the field. */
    public Cordon {
      node = required(node, "node");
    }

    @Override
    public String verb() {
      return "cordon";
    }

    @Override
    public String target() {
      return "node/" + node;
    }

    @Override
    public String namespace() {
      return null;
    }
  }

  /** Marks a node schedulable again. */
  record Uncordon(String node) implements WriteAction {
    /** Validates the field. */
    public Uncordon {
      node = required(node, "node");
    }

    @Override
    public String verb() {
      return "uncordon";
    }

    @Override
    public String target() {
      return "node/" + node;
    }

    @Override
    public String namespace() {
      return null;
    }
  }

  /** Stops a cronjob from starting new jobs; running jobs continue. */
  record SuspendCronJob(String namespace, String name) implements WriteAction {
    /** Validates the fields. */
    public SuspendCronJob {
      namespace = required(namespace, "namespace");
      name = required(name, "name");
    }

    @Override
    public String verb() {
      return "suspend";
    }

    @Override
    public String target() {
      return "cronjob/" + name;
    }
  }

  /** Lets a suspended cronjob start jobs again. */
  record ResumeCronJob(String namespace, String name) implements WriteAction {
    /** Validates the fields. */
    public ResumeCronJob {
      namespace = required(namespace, "namespace");
      name = required(name, "name");
    }

    @Override
    public String verb() {
      return "resume";
    }

    @Override
    public String target() {
      return "cronjob/" + name;
    }
  }

  /**
   * A change to an Argo CD application rather than to Kubernetes objects: it runs with the bot's
   * Argo CD token, and its namespace is the application's destination namespace (the policy scope).
   */
  sealed interface ArgoAction extends WriteAction {
    /** The Argo CD application's name. */
    String app();

    @Override
    default String target() {
      return "application/" + app();
    }
  }

  /**
   * Syncs an Argo CD application to the revision it tracks.
   *
   * @param prune also delete objects Git no longer has
   * @param dryRun only report what would change
   */
  record ArgoSync(String app, String namespace, boolean prune, boolean dryRun)
      implements ArgoAction {
    /** Validates the fields. */
    public ArgoSync {
      app = required(app, "application name");
    }

    @Override
    public String verb() {
      return "sync";
    }

    @Override
    public String describe() {
      return "sync Argo CD application "
          + app
          + (prune ? " with prune" : "")
          + (dryRun ? " (dry run)" : "");
    }
  }

  /**
   * Rolls an Argo CD application back to the deployment with a history id.
   *
   * @param historyId the id from the application's history
   */
  record ArgoRollback(String app, String namespace, long historyId) implements ArgoAction {
    /** Validates the fields. */
    public ArgoRollback {
      app = required(app, "application name");
      if (historyId < 0) {
        throw invalid("history id " + historyId + " does not exist; ids start at 0.");
      }
    }

    @Override
    public String verb() {
      return "rollback";
    }

    @Override
    public String describe() {
      return "roll back Argo CD application " + app + " to history id " + historyId;
    }
  }

  /**
   * Turns an Argo CD application's auto-sync on or off; the policy verb is {@code sync}, since it
   * decides who may sync the application.
   */
  record ArgoAutoSync(String app, String namespace, boolean enabled) implements ArgoAction {
    /** Validates the fields. */
    public ArgoAutoSync {
      app = required(app, "application name");
    }

    @Override
    public String verb() {
      return "sync";
    }

    @Override
    public String describe() {
      return "turn auto-sync " + (enabled ? "on" : "off") + " for Argo CD application " + app;
    }
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw invalid("a " + field + " is required.");
    }
    return value.trim();
  }

  private static KubernetesToolException invalid(String message) {
    return new KubernetesToolException(Kind.INVALID_REQUEST, message);
  }
}
