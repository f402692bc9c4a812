package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Nodes that are NotReady or under memory, disk or PID pressure; for one namespace, only the nodes
 * its pods run on.
 */
final class NodeConditionAnalyzer implements Analyzer {
  private static final List<String> PRESSURES =
      List.of("MemoryPressure", "DiskPressure", "PIDPressure");

  @Override
  public String name() {
    return "node-conditions";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    Set<String> used = new HashSet<>();
    for (Pod pod : snapshot.pods()) {
      if (pod.getSpec() != null && pod.getSpec().getNodeName() != null) {
        used.add(pod.getSpec().getNodeName());
      }
    }
    List<Finding> out = new ArrayList<>();
    for (Node node : snapshot.nodes()) {
      String name = node.getMetadata().getName();
      if (snapshot.namespace() != null && !used.contains(name)) {
        continue;
      }
      List<String> evidence = new ArrayList<>();
      boolean notReady = false;
      List<String> pressures = new ArrayList<>();
      for (NodeCondition c :
          node.getStatus() == null ? List.<NodeCondition>of() : node.getStatus().getConditions()) {
        if ("Ready".equals(c.getType()) && !"True".equals(c.getStatus())) {
          notReady = true;
          evidence.add("Ready=" + c.getStatus() + " (" + c.getReason() + "): " + c.getMessage());
        } else if (PRESSURES.contains(c.getType()) && "True".equals(c.getStatus())) {
          pressures.add(c.getType());
          evidence.add(c.getType() + "=True: " + c.getMessage());
        }
      }
      if (!notReady && pressures.isEmpty()) {
        continue;
      }
      ObjectRef ref = new ObjectRef("Node", name, null);
      String describe = Pods.describeCommand(ref);
      out.add(
          new Finding(
              notReady ? Severity.CRITICAL : Severity.WARNING,
              ref,
              notReady
                  ? "node " + name + " is NotReady"
                  : "node " + name + " is under " + String.join(", ", pressures),
              evidence,
              notReady
                  ? "The kubelet on " + name + " stopped reporting; its pods will be evicted."
                  : name + " is running out of resources, so the kubelet evicts pods.",
              "Check the node's conditions and pods with `" + describe + "`.",
              List.of(describe)));
    }
    return out;
  }
}
