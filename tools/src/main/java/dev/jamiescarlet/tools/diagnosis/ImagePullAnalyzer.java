package dev.jamiescarlet.tools.diagnosis;

import dev.jamiescarlet.tools.diagnosis.Pods.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Images that cannot be pulled, with the registry's own words from the kubelet's events. */
final class ImagePullAnalyzer implements Analyzer {
  static final Set<String> REASONS =
      Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull");

  @Override
  public String name() {
    return "image-pull";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    Map<ObjectRef, List<Hit>> hits =
        Pods.hitsByWorkload(snapshot, (pod, cs) -> isPullFailure(Pods.waitingReason(cs)));
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<ObjectRef, List<Hit>> entry : hits.entrySet()) {
      ObjectRef workload = entry.getKey();
      Hit worst = entry.getValue().get(0);
      String image = worst.container().getImage();
      if (image == null || image.isBlank()) {
        var spec = Pods.spec(worst.pod(), worst.container().getName());
        image = spec == null ? "?" : spec.getImage();
      }
      List<String> evidence = new ArrayList<>();
      evidence.add(
          Pods.waitingReason(worst.container())
              + " in "
              + Pods.podCount(entry.getValue().size(), workload, snapshot)
              + ": image `"
              + image
              + "`");
      String registry = registryMessage(snapshot, entry.getValue());
      if (registry == null) {
        registry = worst.container().getState().getWaiting().getMessage();
      }
      if (registry != null && !registry.isBlank()) {
        evidence.add("registry: " + registry.trim());
      }
      String describe = Pods.describeCommand(workload);
      out.add(
          new Finding(
              Pods.severity(snapshot, workload),
              workload,
              workload.name() + " cannot pull its image",
              evidence,
              cause(image, registry),
              "Fix the image reference or push the tag, then check the rollout with `"
                  + describe
                  + "`.",
              withRemedies(describe, workload)));
    }
    return out;
  }

  private static List<String> withRemedies(String describe, ObjectRef workload) {
    List<String> all = new java.util.ArrayList<>(List.of(describe));
    all.addAll(Pods.remedies(workload, "rollback"));
    return all;
  }

  private static boolean isPullFailure(String reason) {
    return reason != null && REASONS.contains(reason); // Set.of rejects null lookups
  }

  /** The kubelet's "Failed to pull image …" event, which carries the registry's answer. */
  private static String registryMessage(Snapshot snapshot, List<Hit> hits) {
    for (var e : snapshot.eventsAboutPods(hits.stream().map(Hit::pod).toList())) {
      String message = e.getMessage();
      if ("Failed".equals(e.getReason())
          && message != null
          && message.startsWith("Failed to pull image")) {
        return message;
      }
    }
    return null;
  }

  static String cause(String image, String registry) {
    String text = registry == null ? "" : registry.toLowerCase(Locale.ROOT);
    if (text.contains("not found") || text.contains("manifest unknown")) {
      return "The image `" + image + "` does not exist in the registry (wrong tag or name).";
    }
    if (text.contains("unauthorized")
        || text.contains("denied")
        || text.contains("authentication required")
        || text.contains("403")
        || text.contains("401")) {
      return "The registry refused the pull: the image pull secret is missing or lacks access.";
    }
    if (text.contains("timeout") || text.contains("no such host") || text.contains("i/o")) {
      return "The node cannot reach the registry for `" + image + "`.";
    }
    return "The node cannot pull `" + image + "`; the registry's message says why.";
  }
}
