package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Turns a failed call into the underlying message plus a hint on how to correct the call. */
final class ToolErrors {
  private static final int CLOSE_NAMES = 5;

  /** The start of the hint for a call the asker's identity may not make (a refusal). */
  static final String NOT_PERMITTED = "The asker's Kubernetes identity may not read this";

  private ToolErrors() {}

  /** The hint for a failure; {@code closeNames} are only used for NOT_FOUND. */
  static String hint(RuntimeException e, List<String> closeNames) {
    if (!(e instanceof KubernetesToolException k)) {
      return "Check the arguments and call again.";
    }
    return switch (k.kind()) {
      case NOT_FOUND ->
          closeNames.isEmpty()
              ? "Call list_pods or list_deployments for that namespace to see the real names."
              : "Close names: " + String.join(", ", closeNames) + ".";
      case FORBIDDEN, UNAUTHORIZED ->
          NOT_PERMITTED + "; do not retry, tell them which" + " permission they lack.";
      case UNKNOWN_CLUSTER -> "Use one of the known cluster names, or leave cluster empty.";
      case TIMEOUT, UNREACHABLE -> "The cluster did not answer; retry at most once.";
      case INVALID_REQUEST -> "Correct the arguments as the message says.";
      case OTHER -> "";
    };
  }

  /** Whether the failure is a missing object, worth a "close names" lookup. */
  static boolean notFound(RuntimeException e) {
    return e instanceof KubernetesToolException k
        && k.kind() == KubernetesToolException.Kind.NOT_FOUND;
  }

  /** The candidates closest to {@code typed}: containing it, or few edits away. */
  static List<String> closest(String typed, List<String> candidates) {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    String t = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(3, t.length() / 2);
    List<String> out = new ArrayList<>();
    candidates.stream()
        .filter(c -> !c.equalsIgnoreCase(typed))
        .filter(
            c -> {
              String l = c.toLowerCase(Locale.ROOT);
              return l.contains(t) || t.contains(l) || distance(t, l) <= allowed;
            })
        .sorted(Comparator.comparingInt(c -> distance(t, c.toLowerCase(Locale.ROOT))))
        .limit(CLOSE_NAMES)
        .forEach(out::add);
    return out;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
