package dev.jamiescarlet.tools.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.tools.actions.Preview.Change;
import dev.jamiescarlet.tools.actions.WriteAction.Rollback;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Plans {@code kubectl rollout undo}: the deployment's pod template becomes that of the ReplicaSet
 * carrying the target {@code deployment.kubernetes.io/revision}, minus its pod-template-hash label,
 * sent as a JSON patch (RFC 6902) replacing {@code /spec/template}.
 */
final class RollbackPlan {
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String POD_TEMPLATE_HASH = "pod-template-hash";

  private RollbackPlan() {}

  static Plan plan(ActionContext ctx, Rollback a) {
    String ref = "deployment " + a.namespace() + "/" + a.deployment();
    Resource<Deployment> resource =
        ctx.client().apps().deployments().inNamespace(a.namespace()).withName(a.deployment());
    Deployment d = resource.get();
    if (d == null || d.getSpec() == null) {
      throw ActionErrors.notFound(ctx, a.target(), a.namespace(), null);
    }
    NavigableMap<Long, ReplicaSet> history = history(d, replicaSets(ctx, a.namespace()));
    Long current = revision(d);
    if (current == null && !history.isEmpty()) {
      current = history.lastKey();
    }
    long target = pick(ref, current, history.keySet(), a.revision());
    ObjectNode from = (ObjectNode) MergePatch.tree(d.getSpec().getTemplate());
    PodTemplateSpec targetTemplate = history.get(target).getSpec().getTemplate();
    JsonNode to = withoutHashLabel(MergePatch.tree(targetTemplate));
    if (from.equals(to)) {
      throw ActionErrors.invalid(
          ref + " already runs the pod template of revision " + target + "; nothing to roll back.");
    }
    // a JSON patch replacing the whole template, as kubectl rollout undo sends: a merge patch
    // would keep labels and annotations the old template did not have
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    patch.addObject().put("op", "replace").put("path", "/spec/template").set("value", to);
    List<Change> changes = new ArrayList<>();
    changes.add(
        new Change("revision", current == null ? "(unknown)" : current.toString(), "" + target));
    List<Change> images = imageChanges(d.getSpec().getTemplate(), targetTemplate);
    changes.addAll(images);
    List<String> pods = WorkloadPlans.pods(ctx, a.namespace(), d.getSpec().getSelector());
    String imageText =
        images.isEmpty()
            ? ""
            : " (" + images.stream().map(Change::line).collect(Collectors.joining(", ")) + ")";
    return Plan.patch(
        resource,
        PatchType.JSON,
        patch,
        changes,
        pods,
        pods.size() + " pods will be replaced by pods of revision " + target + ", rolling",
        "Rolled back "
            + ref
            + " from revision "
            + (current == null ? "(unknown)" : current)
            + " to revision "
            + target
            + imageText);
  }

  /**
   * The revision to roll back to.
   *
   * @param ref "deployment shop/x", for messages
   * @param current the current revision, or null when unknown
   * @param revisions the revisions recorded on the deployment's ReplicaSets
   * @param requested the revision asked for, or null for the newest one before the current
   * @throws dev.jamiescarlet.tools.kubernetes.KubernetesToolException INVALID_REQUEST when there is
   *     nothing to roll back to
   */
  static long pick(String ref, Long current, Collection<Long> revisions, Long requested) {
    if (requested != null) {
      if (requested.equals(current)) {
        throw ActionErrors.invalid(
            ref + " is already at revision " + requested + "; nothing to roll back.");
      }
      if (!revisions.contains(requested)) {
        throw ActionErrors.invalid(
            ref
                + " has no revision "
                + requested
                + "; known revisions: "
                + (revisions.isEmpty()
                    ? "none"
                    : revisions.stream()
                        .sorted()
                        .map(String::valueOf)
                        .collect(Collectors.joining(", ")))
                + ".");
      }
      return requested;
    }
    return revisions.stream()
        .filter(r -> !r.equals(current))
        .filter(r -> current == null || r < current)
        .max(Long::compare)
        .orElseThrow(
            () ->
                ActionErrors.invalid(
                    ref
                        + (revisions.size() <= 1
                            ? " has only one revision; nothing to roll back to."
                            : " has no revision before "
                                + current
                                + "; nothing to roll back to.")));
  }

  /** The deployment's ReplicaSets by revision (sorted), skipping any without a revision. */
  static NavigableMap<Long, ReplicaSet> history(Deployment d, List<ReplicaSet> replicaSets) {
    NavigableMap<Long, ReplicaSet> byRevision = new TreeMap<>();
    for (ReplicaSet rs : replicaSets) {
      Long revision = revision(rs);
      if (revision != null && ownedBy(rs, d) && rs.getSpec() != null) {
        byRevision.put(revision, rs);
      }
    }
    return byRevision;
  }

  private static List<ReplicaSet> replicaSets(ActionContext ctx, String namespace) {
    return ctx.client().apps().replicaSets().inNamespace(namespace).list().getItems();
  }

  static boolean ownedBy(ReplicaSet rs, Deployment d) {
    List<OwnerReference> owners = rs.getMetadata().getOwnerReferences();
    if (owners == null) {
      return false;
    }
    String uid = d.getMetadata().getUid();
    return owners.stream()
        .anyMatch(
            o ->
                "Deployment".equals(o.getKind())
                    && d.getMetadata().getName().equals(o.getName())
                    && (uid == null || o.getUid() == null || uid.equals(o.getUid())));
  }

  static Long revision(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(REVISION);
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null; // a hand-edited annotation is not a revision
    }
  }

  private static JsonNode withoutHashLabel(JsonNode template) {
    JsonNode labels = template.path("metadata").path("labels");
    if (labels instanceof ObjectNode object) {
      object.remove(POD_TEMPLATE_HASH);
      if (object.isEmpty()) {
        ((ObjectNode) template.get("metadata")).remove("labels");
      }
    }
    return template;
  }

  /** "image checkout: ghcr.io/shop/checkout:v3 → ghcr.io/shop/checkout:v2", per container. */
  static List<Change> imageChanges(PodTemplateSpec from, PodTemplateSpec to) {
    Map<String, String> before = images(from);
    Map<String, String> after = images(to);
    List<Change> changes = new ArrayList<>();
    after.forEach(
        (name, image) -> {
          String old = before.get(name);
          if (!Objects.equals(old, image)) {
            changes.add(new Change("image " + name, old == null ? "(none)" : old, image));
          }
        });
    before.forEach(
        (name, image) -> {
          if (!after.containsKey(name)) {
            changes.add(new Change("image " + name, image, "(removed)"));
          }
        });
    return changes;
  }

  private static Map<String, String> images(PodTemplateSpec template) {
    Map<String, String> images = new LinkedHashMap<>();
    if (template != null
        && template.getSpec() != null
        && template.getSpec().getContainers() != null) {
      for (Container c : template.getSpec().getContainers()) {
        images.put(c.getName(), c.getImage());
      }
    }
    return images;
  }
}
