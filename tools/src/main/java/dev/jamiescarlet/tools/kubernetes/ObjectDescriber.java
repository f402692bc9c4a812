package dev.jamiescarlet.tools.kubernetes;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Describes objects that own no pods: services, config maps, nodes and namespaces. */
final class ObjectDescriber {
  private ObjectDescriber() {}

  static Description describe(ReadContext ctx, String namespace, ResourceKind kind, String name) {
    var client = ctx.client();
    return switch (kind) {
      case SERVICE ->
          service(
              ctx, namespace, name, client.services().inNamespace(namespace).withName(name).get());
      case CONFIGMAP ->
          configMap(
              ctx,
              namespace,
              name,
              client.configMaps().inNamespace(namespace).withName(name).get());
      case NODE -> node(ctx, name, client.nodes().withName(name).get());
      case NAMESPACE -> namespace(ctx, name, client.namespaces().withName(name).get());
      default -> throw new IllegalArgumentException("not a plain object: " + kind);
    };
  }

  private static Description service(ReadContext ctx, String namespace, String name, Service s) {
    require(s, ctx, namespace, ResourceKind.SERVICE, name);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Namespace", namespace);
    fields.put("Labels", PodDescriber.labels(s.getMetadata().getLabels()));
    fields.put("Selector", PodDescriber.labels(s.getSpec().getSelector()));
    PodDescriber.put(fields, "Type", s.getSpec().getType());
    PodDescriber.put(fields, "IP", s.getSpec().getClusterIP());
    fields.put(
        "Ports",
        s.getSpec().getPorts().stream()
            .map(ObjectDescriber::port)
            .collect(Collectors.joining(", ")));
    return new Description(
        "Service",
        name,
        namespace,
        fields,
        List.of(),
        List.of(),
        EventReader.about(ctx, namespace, "Service", List.of(name)),
        Health.HEALTHY,
        List.of());
  }

  private static String port(ServicePort p) {
    String target =
        p.getTargetPort() == null
            ? ""
            : "→"
                + (p.getTargetPort().getIntVal() != null
                    ? p.getTargetPort().getIntVal()
                    : p.getTargetPort().getStrVal());
    return (p.getName() == null ? "" : p.getName() + " ")
        + p.getPort()
        + target
        + "/"
        + p.getProtocol();
  }

  private static Description configMap(
      ReadContext ctx, String namespace, String name, ConfigMap cm) {
    require(cm, ctx, namespace, ResourceKind.CONFIGMAP, name);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Namespace", namespace);
    fields.put("Labels", PodDescriber.labels(cm.getMetadata().getLabels()));
    // keys only: values may hold secrets someone put in the wrong place
    TreeSet<String> keys = new TreeSet<>();
    if (cm.getData() != null) {
      keys.addAll(cm.getData().keySet());
    }
    if (cm.getBinaryData() != null) {
      keys.addAll(cm.getBinaryData().keySet());
    }
    fields.put("Data keys", keys.isEmpty() ? "<none>" : String.join(", ", keys));
    return new Description(
        "ConfigMap",
        name,
        namespace,
        fields,
        List.of(),
        List.of(),
        List.of(),
        Health.HEALTHY,
        List.of());
  }

  private static Description node(ReadContext ctx, String name, Node node) {
    require(node, ctx, null, ResourceKind.NODE, name);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Labels", PodDescriber.labels(node.getMetadata().getLabels()));
    var status = node.getStatus();
    List<String> conditions = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Health health = Health.UNKNOWN;
    if (status != null) {
      if (status.getCapacity() != null) {
        fields.put("Capacity", resources(status.getCapacity()));
      }
      if (status.getAllocatable() != null) {
        fields.put("Allocatable", resources(status.getAllocatable()));
      }
      if (status.getNodeInfo() != null) {
        PodDescriber.put(fields, "Kubelet", status.getNodeInfo().getKubeletVersion());
      }
      for (NodeCondition c : status.getConditions()) {
        conditions.add(
            PodDescriber.condition(c.getType(), c.getStatus(), c.getReason(), c.getMessage()));
        boolean ready = "Ready".equals(c.getType());
        if (ready) {
          health = "True".equals(c.getStatus()) ? Health.HEALTHY : Health.FAILING;
        }
        if (ready != "True".equals(c.getStatus())) {
          problems.add(
              c.getType() + "=" + c.getStatus() + ": " + PodVerdict.nullToEmpty(c.getMessage()));
        }
      }
    }
    if (node.getSpec() != null && PodVerdict.isTrue(node.getSpec().getUnschedulable())) {
      fields.put("Unschedulable", "true (cordoned)");
    }
    return new Description(
        "Node",
        name,
        null,
        fields,
        List.of(),
        conditions,
        EventReader.about(ctx, null, "Node", List.of(name)),
        health,
        problems);
  }

  private static Description namespace(ReadContext ctx, String name, Namespace ns) {
    require(ns, ctx, null, ResourceKind.NAMESPACE, name);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Labels", PodDescriber.labels(ns.getMetadata().getLabels()));
    String phase =
        ns.getStatus() == null ? "Active" : PodVerdict.nullToEmpty(ns.getStatus().getPhase());
    fields.put("Status", phase.isEmpty() ? "Active" : phase);
    Health health = "Terminating".equals(phase) ? Health.DEGRADED : Health.HEALTHY;
    return new Description(
        "Namespace", name, null, fields, List.of(), List.of(), List.of(), health, List.of());
  }

  private static String resources(Map<String, io.fabric8.kubernetes.api.model.Quantity> values) {
    return values.entrySet().stream()
        .filter(
            e ->
                e.getKey().equals("cpu")
                    || e.getKey().equals("memory")
                    || e.getKey().equals("pods"))
        .map(
            e ->
                e.getKey()
                    + "="
                    + e.getValue().getAmount()
                    + PodVerdict.nullToEmpty(e.getValue().getFormat()))
        .collect(Collectors.joining(", "));
  }

  private static void require(
      Object found, ReadContext ctx, String namespace, ResourceKind kind, String name) {
    if (found == null) {
      throw new KubernetesToolException(
          Kind.NOT_FOUND,
          kind.noun()
              + " `"
              + name
              + "` not found "
              + KubernetesErrors.where(ctx.cluster(), namespace));
    }
  }
}
