package dev.jamiescarlet.tools.diagnosis;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs analyzers over a snapshot: one finding per object, worst first, optionally one target. */
public final class Findings {
  private static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    for (String[] k :
        new String[][] {
          {"Deployment", "deploy", "deployment", "deployments"},
          {"StatefulSet", "sts", "statefulset", "statefulsets"},
          {"DaemonSet", "ds", "daemonset", "daemonsets"},
          {"Job", "job", "jobs"},
          {"Pod", "pod", "po", "pods"},
          {"Service", "svc", "service", "services"},
          {"PersistentVolumeClaim", "pvc", "persistentvolumeclaim", "persistentvolumeclaims"},
          {"Node", "node", "no", "nodes"}
        }) {
      for (int i = 1; i < k.length; i++) {
        KINDS.put(k[i], k[0]);
      }
    }
  }

  private Findings() {}

  /**
   * Every analyzer's findings, folded so each object appears once (the earlier analyzer's title
   * wins), sorted worst first, then by namespace and name.
   */
  public static List<Finding> of(List<Analyzer> analyzers, Snapshot snapshot) {
    Map<ObjectRef, Finding> byObject = new LinkedHashMap<>();
    for (Analyzer analyzer : analyzers) {
      for (Finding f : analyzer.analyze(snapshot)) {
        byObject.merge(f.object(), f, Finding::merge);
      }
    }
    List<Finding> out = new ArrayList<>(byObject.values());
    out.sort(
        Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.object().namespace() == null ? "" : f.object().namespace())
            .thenComparing(f -> f.object().name()));
    return out;
  }

  /** The findings about {@code KIND/NAME}; a pod's findings are its workload's. */
  static List<Finding> about(List<Finding> findings, String target, Snapshot snapshot) {
    ObjectRef wanted = parse(target, snapshot);
    return findings.stream()
        .filter(f -> f.object().kind().equals(wanted.kind()))
        .filter(f -> f.object().name().equals(wanted.name()))
        .toList();
  }

  /** Parses {@code deploy/checkout}; a pod resolves to the workload that owns it. */
  static ObjectRef parse(String target, Snapshot snapshot) {
    int slash = target.indexOf('/');
    String kind = slash < 0 ? "" : KINDS.get(target.substring(0, slash).toLowerCase(Locale.ROOT));
    String name = slash < 0 ? "" : target.substring(slash + 1);
    if (kind == null || name.isBlank()) {
      throw new KubernetesToolException(
          Kind.INVALID_REQUEST,
          "I can diagnose KIND/NAME, e.g. deploy/checkout, with KIND one of deploy, sts, ds, job,"
              + " pod, svc, pvc, node — not `"
              + target
              + "`.");
    }
    if ("Pod".equals(kind)) {
      for (var pod : snapshot.pods()) {
        if (name.equals(pod.getMetadata().getName())) {
          ObjectRef workload = snapshot.workloadOf(pod);
          return workload;
        }
      }
    }
    return new ObjectRef(kind, name, snapshot.namespace());
  }
}
