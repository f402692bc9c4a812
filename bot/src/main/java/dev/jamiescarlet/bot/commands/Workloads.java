package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Status;
import dev.jamiescarlet.tools.kubernetes.Health;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups unhealthy pods by workload and proposes the next look: logs or describe. */
final class Workloads {
  /** Buttons people get under a listing; more would crowd the message. */
  static final int MAX_BUTTONS = 5;

  private Workloads() {}

  /** One unhealthy workload: its worst pod and how many pods share its trouble. */
  record Trouble(String workload, PodSummary worst, int pods) {
    String line() {
      String reason = worst.status();
      String detail =
          worst.detail() == null || worst.detail().isBlank() ? "" : ": " + worst.detail();
      String restarts = worst.restarts() > 0 ? ", " + worst.restarts() + " restarts" : "";
      String count = pods > 1 ? " (" + pods + " pods)" : "";
      return Status.of(worst.health()).emoji()
          + " *"
          + workload
          + "*"
          + count
          + " — "
          + reason
          + detail
          + restarts;
    }
  }

  /** Unhealthy pods grouped by owner (pods without one stand alone), worst first. */
  static List<Trouble> troubles(List<PodSummary> pods) {
    Map<String, List<PodSummary>> byWorkload = new LinkedHashMap<>();
    for (PodSummary pod : pods) {
      if (pod.health() != Health.HEALTHY) {
        String key = pod.owner() != null ? pod.owner() : "pod/" + pod.name();
        byWorkload.computeIfAbsent(key, k -> new ArrayList<>()).add(pod);
      }
    }
    List<Trouble> out = new ArrayList<>();
    byWorkload.forEach(
        (workload, list) -> {
          PodSummary worst = list.get(0);
          for (PodSummary p : list) {
            if (p.health().ordinal() < worst.health().ordinal()
                || p.health() == worst.health() && p.restarts() > worst.restarts()) {
              worst = p;
            }
          }
          out.add(new Trouble(shortName(workload), worst, list.size()));
        });
    out.sort((a, b) -> a.worst().health().ordinal() - b.worst().health().ordinal());
    return out;
  }

  /** The next look for a trouble: previous logs for crashes, describe for the rest. */
  static Block.Button nextLook(Trouble t, String cluster, String namespace) {
    PodSummary pod = t.worst();
    String target = pod.owner() != null ? pod.owner() : "pod/" + pod.name();
    String where = " -n " + pod.namespace() + " --cluster " + cluster;
    boolean crashed = pod.lastExitCode() != null || pod.restarts() > 0;
    String command =
        crashed ? "logs " + target + where + " --previous" : "describe " + target + where;
    String label = (crashed ? "Logs: " : "Describe: ") + shortName(target);
    return Block.Button.of(Format.cut(label, 75), Buttons.RUN_PREFIX + command, command);
  }

  /** deploy/checkout → checkout. */
  static String shortName(String workload) {
    int slash = workload.indexOf('/');
    return slash >= 0 ? workload.substring(slash + 1) : workload;
  }
}
