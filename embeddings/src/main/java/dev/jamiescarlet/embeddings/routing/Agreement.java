package dev.jamiescarlet.embeddings.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Nudges an intent's similarity by whether the names in a message fit it: a node suits {@code
 * cordon}, not {@code restart}; a message naming things is rarely small talk; a message that opens
 * with an intent's lead-in ("remember that") is that intent.
 */
final class Agreement {
  private static final Set<String> BONUS_ONLY = Set.of("number", "previous", "warnings", "all");

  private Agreement() {}

  static double adjust(Intent intent, Entities e, String text, String current, RouterSettings s) {
    List<String> present = present(e, current);
    if (!intent.command()) {
      return present.stream().anyMatch(p -> !BONUS_ONLY.contains(p)) ? -s.entityPenalty() : 0;
    }
    Set<String> slots = intent.template().slots();
    double adjust = 0;
    boolean freeText = slots.contains("text");
    for (String type : present) {
      if (usable(type, slots)) {
        adjust += s.entityBonus();
      } else if (!freeText && !BONUS_ONLY.contains(type)) {
        adjust -= s.entityPenalty();
      }
    }
    if (!intent.leadIns().isEmpty() && SlotValues.leadIn(text, intent.leadIns()) > 0) {
      adjust += s.leadInBonus();
    }
    if (hasKeyword(intent, e.words())) {
      adjust += s.keywordBonus();
    }
    return adjust;
  }

  private static boolean hasKeyword(Intent intent, Set<String> words) {
    for (String k : intent.keywords()) {
      if (words.contains(k)) {
        return true;
      }
    }
    return false;
  }

  /** The kinds of thing the message names. */
  private static List<String> present(Entities e, String current) {
    List<String> out = new ArrayList<>();
    boolean cron = e.workloads().stream().anyMatch(Workload::cronJob);
    boolean other = e.workloads().stream().anyMatch(w -> !w.cronJob());
    if (e.pod() != null) {
      out.add("pod");
    } else if (other) {
      out.add("workload");
    }
    if (cron) {
      out.add("cronjob");
    }
    add(out, "node", e.node());
    add(out, "namespace", e.namespace());
    if (e.namedCluster() != null && !e.namedCluster().equals(current)) {
      out.add("cluster");
    }
    add(out, "number", e.number());
    out.addAll(e.flags());
    return out;
  }

  private static boolean usable(String type, Set<String> slots) {
    return switch (type) {
      case "pod" -> slots.contains("pod") || slots.contains("workload");
      case "cluster" -> slots.contains("otherCluster") || slots.contains("cluster");
      default -> slots.contains(type);
    };
  }

  private static void add(List<String> out, String type, String value) {
    if (value != null) {
      out.add(type);
    }
  }
}
