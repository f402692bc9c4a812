package dev.jamiescarlet.tools.diagnosis;

import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Services with no ready endpoint. When the selected pods belong to a workload, that workload's own
 * finding explains it, so only selectors that match nothing, or bare pods, are reported here.
 */
final class ServiceEndpointsAnalyzer implements Analyzer {

  @Override
  public String name() {
    return "service-endpoints";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    Map<String, Endpoints> endpoints = new HashMap<>();
    for (Endpoints e : snapshot.endpoints()) {
      endpoints.put(key(e.getMetadata().getNamespace(), e.getMetadata().getName()), e);
    }
    Map<String, List<Pod>> podsByNamespace =
        snapshot.pods().stream()
            .collect(Collectors.groupingBy(p -> p.getMetadata().getNamespace()));
    List<Finding> out = new ArrayList<>();
    for (Service service : snapshot.services()) {
      Map<String, String> selector =
          service.getSpec() == null ? null : service.getSpec().getSelector();
      if (selector == null
          || selector.isEmpty()
          || "ExternalName".equals(service.getSpec().getType())) {
        continue; // endpoints managed by hand or by DNS: nothing to match
      }
      String ns = service.getMetadata().getNamespace();
      String name = service.getMetadata().getName();
      if (hasReadyAddress(endpoints.get(key(ns, name)))) {
        continue;
      }
      List<Pod> selected =
          podsByNamespace.getOrDefault(ns, List.of()).stream()
              .filter(p -> matches(p, selector))
              .toList();
      if (selected.stream().anyMatch(Pods::ready)) {
        continue;
      }
      boolean explainedByWorkload =
          !selected.isEmpty()
              && selected.stream().noneMatch(p -> "Pod".equals(snapshot.workloadOf(p).kind()));
      if (explainedByWorkload) {
        continue;
      }
      ObjectRef ref = new ObjectRef("Service", name, ns);
      String wanted =
          selector.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .sorted()
              .collect(Collectors.joining(","));
      String describe = Pods.describeCommand(ref);
      out.add(
          new Finding(
              Severity.WARNING,
              ref,
              "service " + name + " has no endpoints",
              List.of(
                  "selector " + wanted,
                  selected.isEmpty()
                      ? "no pod in " + ns + " matches it"
                      : Pods.plural(selected.size(), "pod") + " match, none ready"),
              selected.isEmpty()
                  ? "The selector matches no pod (a typo, or the pods' labels changed)."
                  : "The pods behind the service are not ready.",
              "Compare the selector with the pods' labels: `pods"
                  + ref.namespaceFlag()
                  + " -l "
                  + wanted
                  + "` and `"
                  + describe
                  + "`.",
              List.of(describe, "pods" + ref.namespaceFlag() + " -l " + wanted)));
    }
    return out;
  }

  private static boolean hasReadyAddress(Endpoints endpoints) {
    if (endpoints == null) {
      return false;
    }
    for (EndpointSubset subset : endpoints.getSubsets()) {
      if (!subset.getAddresses().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Pod pod, Map<String, String> selector) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels != null && labels.entrySet().containsAll(selector.entrySet());
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
