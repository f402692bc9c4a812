package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.actions.Preview.Change;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;

/** Plans cordoning and uncordoning nodes ({@code spec.unschedulable}). */
final class NodePlans {
  private NodePlans() {}

  /** Sets {@code spec.unschedulable} to {@code cordon}, refusing when it already is. */
  static Plan schedule(ActionContext ctx, WriteAction a, String node, boolean cordon) {
    Resource<Node> resource = ctx.client().nodes().withName(node);
    Node current = resource.get();
    if (current == null) {
      throw ActionErrors.notFound(ctx, a.target(), null, null);
    }
    boolean cordoned =
        current.getSpec() != null && Boolean.TRUE.equals(current.getSpec().getUnschedulable());
    if (cordoned == cordon) {
      throw ActionErrors.invalid(
          "node "
              + node
              + " is already "
              + (cordon ? "cordoned" : "schedulable")
              + "; nothing to change.");
    }
    List<String> pods = podsOn(ctx, node);
    String impact =
        cordon
            ? "no new pods will be scheduled on node "
                + node
                + "; the "
                + pods.size()
                + " pods on it keep running"
            : "new pods may be scheduled on node " + node + " again";
    return Plan.patch(
        resource,
        MergePatch.at(cordon, "spec", "unschedulable"),
        List.of(new Change("unschedulable", Boolean.toString(cordoned), Boolean.toString(cordon))),
        pods,
        impact,
        cordon
            ? "Cordoned node "
                + node
                + ": no new pods will land there ("
                + pods.size()
                + " running pods stay)"
            : "Uncordoned node " + node + ": it takes new pods again");
  }

  /**
   * Pods on the node, as namespace/name. Filtered here rather than with a spec.nodeName field
   * selector, which the fabric8 mock answers with nothing.
   */
  static List<String> podsOn(ActionContext ctx, String node) {
    List<Pod> all = ctx.client().pods().inAnyNamespace().list().getItems();
    return WorkloadPlans.names(
        all.stream()
            .filter(p -> p.getSpec() != null && node.equals(p.getSpec().getNodeName()))
            .toList());
  }
}
