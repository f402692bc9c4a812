package dev.jamiescarlet.bot.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Log lines of the demo pods, per container and instance (current or previous). */
final class DemoLogs {
  private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

  /** Records the lines of one container instance. */
  void put(String namespace, String pod, String container, boolean previous, List<String> text) {
    lines.put(key(namespace, pod, container, previous), List.copyOf(text));
  }

  /**
   * Appends lines to every recorded instance (current or previous) of pods whose name starts with
   * {@code podPrefix}; returns how many instances changed.
   */
  int append(String namespace, String podPrefix, boolean previous, List<String> text) {
    int changed = 0;
    for (Map.Entry<String, List<String>> e : lines.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(namespace + "/" + podPrefix) && previous == key.endsWith("#previous")) {
        List<String> joined = new java.util.ArrayList<>(e.getValue());
        joined.addAll(text);
        e.setValue(List.copyOf(joined));
        changed++;
      }
    }
    return changed;
  }

  /** The lines, or null when that instance never ran. */
  List<String> lines(String namespace, String pod, String container, boolean previous) {
    if (container == null) {
      // like the API server for a one-container pod: the only container is the default
      String prefix = namespace + "/" + pod + "/";
      String suffix = previous ? "#previous" : "";
      return lines.entrySet().stream()
          .filter(e -> e.getKey().startsWith(prefix))
          .filter(e -> previous == e.getKey().endsWith("#previous"))
          .filter(e -> e.getKey().endsWith(suffix))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }
    return lines.get(key(namespace, pod, container, previous));
  }

  private static String key(String namespace, String pod, String container, boolean previous) {
    return namespace + "/" + pod + "/" + container + (previous ? "#previous" : "");
  }
}
