package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.embeddings.memory.Hit;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryQuery;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.Scope;
import dev.jamiescarlet.tools.charts.ChartRenderer;
import dev.jamiescarlet.tools.diagnosis.Finding;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.LogRequest;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import dev.jamiescarlet.tools.kubernetes.PodSummary;
import dev.jamiescarlet.tools.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads what an alert's thread gets: logs, events, findings, a chart and runbooks. Each part that
 * fails becomes a one-line note instead; nothing here throws.
 */
final class EnrichmentGatherer {
  /** Log lines shown. */
  static final int LOG_LINES = 20;

  /** Events shown, newest first. */
  static final int EVENTS = 6;

  /** Findings shown. */
  static final int FINDINGS = 3;

  /** Runbook sections shown. */
  static final int RUNBOOKS = 3;

  /** The chart's range. */
  static final Duration CHART_RANGE = Duration.ofHours(1);

  /** About 120 points across the hour. */
  static final Duration CHART_STEP = Duration.ofSeconds(30);

  private final EnrichmentSources sources;
  private final KubernetesReads reads;
  private final ChartRenderer charts = new ChartRenderer();

  EnrichmentGatherer(EnrichmentSources sources) {
    this.sources = sources;
    // no one asked: the bot reads as itself
    this.reads = sources.reads().as(Identity.BOT);
  }

  /** What was found; {@code *Note} is null when its part is there, else one line saying why not. */
  record Gathered(
      EnrichmentTarget target,
      String cluster,
      String replaced,
      LogResult logs,
      String logsNote,
      List<EventSummary> events,
      String eventsNote,
      List<Finding> findings,
      String findingsNote,
      byte[] chart,
      String chartNote,
      List<Hit> runbooks,
      String runbooksNote) {}

  Gathered gather(EnrichmentTarget t) {
    String cluster = cluster(t);
    List<PodSummary> pods;
    String podsNote = null;
    try {
      pods = reads.pods(cluster, t.namespace(), null);
    } catch (RuntimeException e) {
      pods = List.of();
      podsNote = reason(e);
    }
    List<PodSummary> mine = podsOf(t, pods);
    String gone = null;
    if (mine.isEmpty() && t.kind().equals("pod") && !pods.isEmpty()) {
      // the pod was replaced since the alert fired: its deployment's pods tell the same story
      String deployment = deploymentOf(t);
      mine = pods.stream().filter(p -> ("deploy/" + deployment).equals(p.owner())).toList();
      if (!mine.isEmpty()) {
        gone =
            "pod `"
                + t.name()
                + "` is gone; showing its deployment `"
                + deployment
                + "`'s pods instead";
      }
    }
    String workload = workload(t, mine);
    LogResult logs = null;
    String logsNote = null;
    try {
      logs = logs(t, cluster, mine);
    } catch (RuntimeException e) {
      logsNote = "logs unavailable: " + (podsNote != null ? podsNote : reason(e));
    }
    List<EventSummary> events = List.of();
    String eventsNote = null;
    try {
      events = events(t, cluster, mine, workload);
    } catch (RuntimeException e) {
      eventsNote = "events unavailable: " + reason(e);
    }
    List<Finding> findings = List.of();
    String findingsNote = null;
    try {
      findings =
          sources
              .diagnoser()
              .diagnose(cluster, t.namespace(), workload != null ? workload : t.ref())
              .findings()
              .stream()
              .limit(FINDINGS)
              .toList();
    } catch (RuntimeException e) {
      findingsNote = "diagnosis unavailable: " + reason(e);
    }
    byte[] chart = null;
    String chartNote;
    try {
      chartNote = chartSkipped(t);
      if (chartNote == null) {
        chart = chart(t.expr());
      }
    } catch (RuntimeException e) {
      chartNote = "chart unavailable: " + reason(e);
    }
    List<Hit> runbooks = List.of();
    String runbooksNote = null;
    try {
      runbooks = runbooks(t);
      if (runbooks == null) {
        runbooks = List.of();
        runbooksNote = "runbooks unavailable: memory is off (JAMIE_MEMORY=false)";
      }
    } catch (RuntimeException e) {
      runbooksNote = "runbooks unavailable: " + reason(e);
    }
    return new Gathered(
        t,
        cluster,
        gone,
        logs,
        logsNote,
        events,
        eventsNote,
        findings,
        findingsNote,
        chart,
        chartNote,
        runbooks,
        runbooksNote);
  }

  // the label names a cluster the bot knows, else the default cluster
  private String cluster(EnrichmentTarget t) {
    if (t.cluster() == null || sources.clusters() == null) {
      return null;
    }
    try {
      return sources.clusters().resolve(t.cluster()).name();
    } catch (RuntimeException e) {
      return null;
    }
  }

  // the pod itself, or the workload's pods
  private static List<PodSummary> podsOf(EnrichmentTarget t, List<PodSummary> pods) {
    if (t.kind().equals("pod")) {
      return pods.stream().filter(p -> p.name().equals(t.name())).toList();
    }
    return pods.stream().filter(p -> t.ref().equals(p.owner())).toList();
  }

  // the container label, else the pod's name without its ReplicaSet hash and suffix
  private static String deploymentOf(EnrichmentTarget t) {
    if (t.container() != null) {
      return t.container();
    }
    return t.name().replaceFirst("-[a-z0-9]{5,10}-[a-z0-9]{5}$", "");
  }

  private static String workload(EnrichmentTarget t, List<PodSummary> mine) {
    if (!t.kind().equals("pod")) {
      return t.ref();
    }
    return mine.isEmpty() ? null : mine.getFirst().owner();
  }

  // the most restarted pod's last lines: the crashed run's when it restarted, as LogsCommand's
  // --previous reads them
  private LogResult logs(EnrichmentTarget t, String cluster, List<PodSummary> mine) {
    PodSummary pod = mine.stream().max(Comparator.comparingInt(PodSummary::restarts)).orElse(null);
    String target = pod != null ? "pod/" + pod.name() : t.ref();
    if (pod == null && !t.kind().equals("pod") && !t.kind().equals("deploy")) {
      throw new KubernetesToolException(
          KubernetesToolException.Kind.NOT_FOUND,
          t.ref() + " has no pods in namespace `" + t.namespace() + "`");
    }
    String container = pod == null || pod.totalContainers() > 1 ? t.container() : null;
    boolean restarted = pod == null || pod.restarts() > 0;
    if (restarted) {
      try {
        return reads.logs(
            cluster, t.namespace(), new LogRequest(target, container, LOG_LINES, true));
      } catch (KubernetesToolException e) {
        if (e.kind() != KubernetesToolException.Kind.INVALID_REQUEST) {
          throw e;
        }
        // no previous instance after all: the current one's lines
      }
    }
    return reads.logs(cluster, t.namespace(), new LogRequest(target, container, LOG_LINES, false));
  }

  private List<EventSummary> events(
      EnrichmentTarget t, String cluster, List<PodSummary> mine, String workload) {
    List<String> objects =
        Stream.concat(Stream.of(t.ref(), workload), mine.stream().map(p -> "pod/" + p.name()))
            .filter(o -> o != null)
            .distinct()
            .toList();
    String replicaSets =
        workload != null && workload.startsWith("deploy/")
            ? "rs/" + workload.substring("deploy/".length()) + "-"
            : null;
    return reads.events(cluster, t.namespace(), false).stream()
        .filter(
            e ->
                objects.contains(e.object())
                    || (replicaSets != null && e.object().startsWith(replicaSets)))
        .limit(EVENTS)
        .toList();
  }

  private String chartSkipped(EnrichmentTarget t) {
    if (sources.prometheus() == null) {
      return "chart skipped: Prometheus is not configured (set JAMIE_PROMETHEUS_URL)";
    }
    if (t.expr() == null) {
      return "chart skipped: the alert carries no expression (no g0.expr in its generatorURL)";
    }
    return null;
  }

  private byte[] chart(String expr) {
    Instant end = sources.clock().instant();
    List<Series> series =
        sources.prometheus().queryRange(expr, end.minus(CHART_RANGE), end, CHART_STEP);
    return charts.render(expr, series);
  }

  private List<Hit> runbooks(EnrichmentTarget t) {
    MemoryStore store = sources.runbooks() == null ? null : sources.runbooks().get();
    if (store == null) {
      return null;
    }
    String query =
        Stream.of(t.alertname(), t.summary())
            .filter(s -> s != null)
            .collect(Collectors.joining(" "));
    if (query.isBlank()) {
      query = t.ref();
    }
    return store.search(
        new MemoryQuery(MemoryKind.RUNBOOK, query, List.of(Scope.global()), null, RUNBOOKS));
  }

  private static String reason(RuntimeException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = m.strip().lines().findFirst().orElse(m);
    return line.length() > 200 ? line.substring(0, 199) + "…" : line;
  }
}
