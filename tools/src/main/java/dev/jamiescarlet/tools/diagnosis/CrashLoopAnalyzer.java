package dev.jamiescarlet.tools.diagnosis;

import dev.jamiescarlet.tools.diagnosis.Pods.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Containers in CrashLoopBackOff (OOM kills excepted, {@link OomKilledAnalyzer} explains those):
 * exit code and the previous instance's last lines, read for the worst pod of each workload only.
 */
final class CrashLoopAnalyzer implements Analyzer {
  /** Previous-log reads per run, so a namespace of crashing pods stays one quick answer. */
  static final int MAX_LOG_READS = 10;

  /** Lines read from the previous instance; stack frames are dropped before keeping the last 5. */
  static final int LOG_TAIL = 100;

  static final int LOG_LINES_SHOWN = 5;

  @Override
  public String name() {
    return "crash-loop";
  }

  @Override
  public List<Finding> analyze(Snapshot snapshot) {
    Map<ObjectRef, List<Hit>> hits =
        Pods.hitsByWorkload(
            snapshot,
            (pod, cs) ->
                "CrashLoopBackOff".equals(Pods.waitingReason(cs))
                    && !"OOMKilled".equals(Pods.lastTerminationReason(cs)));
    List<Finding> out = new ArrayList<>();
    int logReads = 0;
    for (Map.Entry<ObjectRef, List<Hit>> entry : hits.entrySet()) {
      ObjectRef workload = entry.getKey();
      Hit worst = entry.getValue().get(0);
      String container = worst.container().getName();
      Integer exit = Pods.lastExitCode(worst.container());
      List<String> evidence = new ArrayList<>();
      evidence.add(
          "CrashLoopBackOff in "
              + Pods.podCount(entry.getValue().size(), workload, snapshot)
              + ", "
              + Pods.plural(worst.restarts(), "restart")
              + " (container `"
              + container
              + "`)");
      if (exit != null) {
        String reason = Pods.lastTerminationReason(worst.container());
        evidence.add("last exit code " + exit + (reason == null ? "" : " (" + reason + ")"));
      }
      List<String> logLines = List.of();
      if (logReads < MAX_LOG_READS) {
        logReads++;
        String pod = worst.pod().getMetadata().getName();
        try {
          logLines =
              telling(
                  snapshot
                      .logs()
                      .previous(
                          worst.pod().getMetadata().getNamespace(), pod, container, LOG_TAIL));
          if (!logLines.isEmpty()) {
            evidence.add("last log lines of " + pod + " before it crashed:");
            logLines.forEach(l -> evidence.add("  " + l));
          }
        } catch (RuntimeException e) {
          evidence.add("previous logs of " + pod + " unavailable: " + e.getMessage());
        }
      }
      String logs = Pods.logsCommand(workload, worst.pod(), container, true);
      out.add(
          new Finding(
              Pods.severity(snapshot, workload),
              workload,
              workload.name() + " is crash-looping",
              evidence,
              cause(workload.name(), exit, logLines),
              "Read why the last instance died: `" + logs + "`.",
              concat(
                  List.of(logs, Pods.describeCommand(workload)),
                  Pods.remedies(workload, "restart"))));
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The last lines that say something: stack frames and blank lines dropped. */
  static List<String> telling(List<String> lines) {
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("at ") || trimmed.startsWith("... ")) {
        continue;
      }
      kept.add(trimmed);
    }
    return kept.subList(Math.max(0, kept.size() - LOG_LINES_SHOWN), kept.size());
  }

  static String cause(String name, Integer exit, List<String> logLines) {
    String logs = String.join("\n", logLines).toLowerCase(Locale.ROOT);
    if (logs.contains("connection refused") || logs.contains("refused")) {
      return name
          + " exits at start-up because a service it depends on refuses connections (see the"
          + " log lines).";
    }
    if (logs.contains("unknownhost") || logs.contains("no such host")) {
      return name + " exits because a host name it needs does not resolve.";
    }
    if (logs.contains("permission denied") || logs.contains("access denied")) {
      return name + " exits because it is denied access to something it needs.";
    }
    if (exit != null && exit == 137) {
      return name + " is killed (exit 137, SIGKILL) — often a failing liveness probe.";
    }
    if (exit != null && exit == 143) {
      return name + " is stopped with SIGTERM (exit 143), typically by a failing liveness probe.";
    }
    return name
        + " starts and exits"
        + (exit == null ? "" : " with code " + exit)
        + " again and again; the previous instance's logs say why.";
  }
}
