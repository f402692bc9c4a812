package dev.jamiescarlet.embeddings.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "did you mean" buttons: complete command lines for the closest intents, with missing names
 * filled from the catalogue (failing workloads first).
 */
final class Suggestions {
  static final int MAX = 3;
  private static final int INTENTS_TRIED = 4;

  private Suggestions() {}

  static List<Suggestion> closest(
      List<IntentRouter.Scored> ranked,
      double floor,
      Entities e,
      String text,
      String cluster,
      EntityCatalog catalog) {
    Set<String> seen = new LinkedHashSet<>();
    List<Suggestion> out = new ArrayList<>();
    for (int i = 0; i < Math.min(INTENTS_TRIED, ranked.size()) && out.size() < MAX; i++) {
      IntentRouter.Scored s = ranked.get(i);
      if (s.score() < floor) {
        break;
      }
      Intent intent = s.intent();
      if (!intent.command()) {
        continue;
      }
      Map<String, String> values = SlotValues.of(e, intent, text, cluster);
      for (Map<String, String> filled : completions(intent, values, e, catalog)) {
        String command = intent.template().render(filled);
        if (command != null && seen.add(command) && out.size() < MAX) {
          out.add(new Suggestion(label(intent.description()), command));
        }
      }
    }
    return out;
  }

  /** The values as they are, or with a workload or node filled in from the catalogue. */
  private static List<Map<String, String>> completions(
      Intent intent, Map<String, String> values, Entities e, EntityCatalog catalog) {
    List<String> missing = intent.template().missing(values);
    if (missing.isEmpty()) {
      return List.of(values);
    }
    List<Map<String, String>> out = new ArrayList<>();
    if (missing.contains("workload") || missing.contains("cronjob")) {
      boolean cron = missing.contains("cronjob");
      for (Workload w : candidates(e, catalog, cron)) {
        out.add(SlotValues.withWorkload(values, w));
      }
    } else if (missing.contains("node")) {
      for (String node : catalog.nodes(e.cluster())) {
        Map<String, String> v = new java.util.LinkedHashMap<>(values);
        v.put("node", node);
        out.add(v);
      }
    } else if (missing.contains("cluster")) {
      for (String c : catalog.clusters()) {
        if (!c.equals(e.cluster())) {
          Map<String, String> v = new java.util.LinkedHashMap<>(values);
          v.put("cluster", c);
          out.add(v);
        }
      }
    }
    return out.size() > MAX ? out.subList(0, MAX) : out;
  }

  /**
   * Workloads the message hinted at (several named), else failing ones, else any, in its namespace.
   */
  private static List<Workload> candidates(Entities e, EntityCatalog catalog, boolean cron) {
    List<Workload> named = e.workloads().stream().filter(w -> w.cronJob() == cron).toList();
    if (!named.isEmpty()) {
      return named;
    }
    List<Workload> out = new ArrayList<>();
    for (List<Workload> pool :
        List.of(catalog.failing(e.cluster()), catalog.workloads(e.cluster()))) {
      for (Workload w : pool) {
        boolean inNamespace = e.namespace() == null || e.namespace().equals(w.namespace());
        if (w.cronJob() == cron && inNamespace && !out.contains(w)) {
          out.add(w);
        }
      }
      if (!out.isEmpty()) {
        break;
      }
    }
    return out;
  }

  /** Slack allows 75 characters of button text. */
  private static String label(String description) {
    return description.length() <= 75 ? description : description.substring(0, 74) + "…";
  }
}
