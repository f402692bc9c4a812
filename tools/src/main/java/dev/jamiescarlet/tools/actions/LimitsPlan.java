package dev.jamiescarlet.tools.actions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.tools.actions.Preview.Change;
import dev.jamiescarlet.tools.actions.WorkloadPlans.Workload;
import dev.jamiescarlet.tools.actions.WriteAction.Limits;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans {@code limits}: one container's resource limits, sent as a JSON patch (RFC 6902) that tests
 * the container's name at its index and then sets its {@code resources}. A merge patch would have
 * to replace the whole containers list, and the fabric8 mock refuses strategic merge.
 */
final class LimitsPlan {
  private LimitsPlan() {}

  static Plan plan(ActionContext ctx, Limits a) {
    Resource<? extends HasMetadata> resource =
        WorkloadPlans.resource(ctx, a.kind(), a.namespace(), a.name());
    Workload w = WorkloadPlans.get(ctx, resource, a.kind(), a.namespace(), a.name());
    String ref = a.kind().noun() + " " + a.namespace() + "/" + a.name();
    List<Container> containers =
        w.template() == null || w.template().getSpec() == null
            ? List.of()
            : w.template().getSpec().getContainers();
    int index = index(ref, containers, a.container());
    Container c = containers.get(index);
    ResourceRequirements current = c.getResources();
    Map<String, Quantity> limits = current == null ? null : current.getLimits();
    Map<String, Quantity> requests = current == null ? null : current.getRequests();
    ObjectNode resources =
        current == null ? MergePatch.object() : (ObjectNode) MergePatch.tree(current);
    List<Change> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> already = new ArrayList<>();
    set(resources, "memory", a.memory(), limits, requests, changes, notes, already);
    set(resources, "cpu", a.cpu(), limits, requests, changes, notes, already);
    if (changes.isEmpty()) {
      throw ActionErrors.invalid(
          ref
              + " container "
              + c.getName()
              + " already has "
              + String.join(" and ", already)
              + "; nothing to change.");
    }
    String base = "/spec/template/spec/containers/" + index;
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    // the test makes the patch fail rather than change another container if the list was reordered
    patch.addObject().put("op", "test").put("path", base + "/name").put("value", c.getName());
    patch.addObject().put("op", "add").put("path", base + "/resources").set("value", resources);
    List<String> pods = WorkloadPlans.pods(ctx, a.namespace(), w.selector());
    String impact =
        "rolling restart of "
            + pods.size()
            + (pods.size() == 1 ? " pod" : " pods")
            + (a.kind() == WorkloadKind.STATEFULSET
                ? ", one at a time, highest ordinal first"
                : " (" + w.replicas() + (w.replicas() == 1 ? " replica)" : " replicas)"))
            + ": new pods start with the new limits"
            + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
    return Plan.patch(
        resource,
        PatchType.JSON,
        patch,
        changes,
        pods,
        impact,
        "Set limits of "
            + ref
            + " container "
            + c.getName()
            + " ("
            + String.join(", ", changes.stream().map(Change::line).toList())
            + "); new pods will roll out");
  }

  /** The index of the named container, or of the only one when none is named. */
  static int index(String ref, List<Container> containers, String wanted) {
    List<String> names = containers.stream().map(Container::getName).toList();
    if (names.isEmpty()) {
      throw ActionErrors.invalid(ref + " has no containers; I can't set limits on it.");
    }
    if (wanted == null) {
      if (names.size() > 1) {
        throw ActionErrors.invalid(
            ref
                + " has "
                + names.size()
                + " containers ("
                + String.join(", ", names)
                + "); name one with -c CONTAINER.");
      }
      return 0;
    }
    int index = names.indexOf(wanted);
    if (index < 0) {
      throw ActionErrors.invalid(
          ref + " has no container `" + wanted + "`; its containers: " + String.join(", ", names));
    }
    return index;
  }

  /** Sets one limit in {@code resources}, lowering the request to it when above. */
  private static void set(
      ObjectNode resources,
      String resource,
      String value,
      Map<String, Quantity> limits,
      Map<String, Quantity> requests,
      List<Change> changes,
      List<String> notes,
      List<String> already) {
    if (value == null) {
      return;
    }
    Quantity to = new Quantity(value);
    Quantity from = limits == null ? null : limits.get(resource);
    if (ResourceQuantities.same(from, to)) {
      already.add(resource + " limit " + from);
      return;
    }
    object(resources, "limits").put(resource, value);
    changes.add(new Change(resource + " limit", from == null ? "(none)" : from.toString(), value));
    Quantity request = requests == null ? null : requests.get(resource);
    if (request != null && request.compareTo(to) > 0) {
      object(resources, "requests").put(resource, value);
      changes.add(new Change(resource + " request", request.toString(), value));
      notes.add(
          "the "
              + resource
              + " request "
              + request
              + " is lowered to "
              + value
              + ", the new limit");
    } else if (request == null) {
      notes.add("with no " + resource + " request, Kubernetes sets the request to the limit");
    }
  }

  private static ObjectNode object(ObjectNode parent, String field) {
    return parent.get(field) instanceof ObjectNode existing ? existing : parent.putObject(field);
  }
}
