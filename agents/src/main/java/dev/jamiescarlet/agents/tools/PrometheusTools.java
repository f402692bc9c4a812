package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.tools.alertmanager.Alert;
import dev.jamiescarlet.tools.alertmanager.AlertFilter;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerException;
import dev.jamiescarlet.tools.alertmanager.Matcher;
import dev.jamiescarlet.tools.prometheus.PrometheusAlert;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import dev.jamiescarlet.tools.prometheus.PrometheusException;
import dev.jamiescarlet.tools.prometheus.QueryResult;
import dev.jamiescarlet.tools.prometheus.Series;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Prometheus queries and the firing alerts (Alertmanager's when configured), read only. */
public final class PrometheusTools {
  /** The most series one query shows. */
  static final int MAX_SERIES = 40;

  /** A range query's default resolution: about this many points per series. */
  private static final int DEFAULT_POINTS = 60;

  private static final Duration MAX_RANGE = Duration.ofDays(14);

  private final ToolContext ctx;
  private final PrometheusClient prometheus;
  private final AlertmanagerClient alertmanager;

  /** Tools over one request's context and the configured clients (either may be null). */
  public PrometheusTools(ToolContext ctx, Integrations integrations) {
    this.ctx = ctx;
    this.prometheus = integrations.prometheus();
    this.alertmanager = integrations.alertmanager();
  }

  /** Runs an instant query. */
  @Tool(
      name = "query_prometheus",
      value = "Evaluates a PromQL expression now and lists each series' labels and value.")
  public String queryPrometheus(
      @P(name = "promql", value = "The PromQL expression, e.g. sum by (pod) (rate(x[5m]))")
          String promql) {
    String tool = "query_prometheus";
    String args = ToolOutput.args("promql", promql);
    if (prometheus == null) {
      return notConfigured(tool, args);
    }
    try {
      QueryResult result = prometheus.query(required(promql), null);
      List<String> names = new ArrayList<>();
      StringBuilder body = new StringBuilder();
      switch (result.type()) {
        case SCALAR ->
            body.append("scalar: ")
                .append(PrometheusText.num(result.series().get(0).points().get(0).value()));
        case STRING -> body.append("string: ").append(result.text());
        default -> vector(result, body, names);
      }
      return ctx.output().data(tool, args, "Prometheus", body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output().error(tool, args, e.getMessage(), hint(e));
    }
  }

  /** Runs a range query and summarises each series. */
  @Tool(
      name = "query_prometheus_range",
      value =
          "Evaluates a PromQL expression over a past time range and gives each series' min, max,"
              + " last value and trend.")
  public String queryPrometheusRange(
      @P(name = "promql", value = "The PromQL expression, e.g. rate(http_requests_total[5m])")
          String promql,
      @P(name = "range", value = "How far back from now, e.g. 15m, 1h or 1d") String range,
      @P(
              name = "step",
              value = "Resolution, e.g. 30s or 5m; defaults to the range divided by 60",
              required = false)
          String step) {
    String tool = "query_prometheus_range";
    String args = ToolOutput.args("promql", promql, "range", range, "step", step);
    if (prometheus == null) {
      return notConfigured(tool, args);
    }
    try {
      Duration span = PrometheusText.duration(range);
      if (span.compareTo(MAX_RANGE) > 0) {
        throw new IllegalArgumentException(
            "range " + range + " is longer than 14d; ask for a shorter range");
      }
      Duration resolution =
          step == null || step.isBlank()
              ? Duration.ofMillis(Math.max(1_000, span.toMillis() / DEFAULT_POINTS))
              : PrometheusText.duration(step);
      Instant end = ctx.clock().instant();
      List<Series> series =
          prometheus.queryRange(required(promql), end.minus(span), end, resolution);
      List<String> names = new ArrayList<>();
      StringBuilder body =
          new StringBuilder()
              .append(series.size())
              .append(" series over the last ")
              .append(range.strip())
              .append(" (step ")
              .append(Ages.of(resolution))
              .append("):");
      for (Series s : series.stream().limit(MAX_SERIES).toList()) {
        PrometheusText.names(s.labels(), names);
        body.append('\n').append(PrometheusText.summary(s));
      }
      more(body, series.size());
      return ctx.output().data(tool, args, "Prometheus", body.toString(), names);
    } catch (RuntimeException e) {
      return ctx.output().error(tool, args, e.getMessage(), hint(e));
    }
  }

  /** Lists the firing alerts. */
  @Tool(
      name = "list_firing_alerts",
      value = "Lists the alerts firing now with their labels, age and summary, newest first.")
  public String listFiringAlerts(
      @P(
              name = "namespace",
              value = "Only alerts whose namespace label is this; omit for all",
              required = false)
          String namespace) {
    String tool = "list_firing_alerts";
    String args = ToolOutput.args("namespace", namespace);
    String ns = namespace == null || namespace.isBlank() ? null : namespace.strip();
    try {
      List<String> names = new ArrayList<>();
      if (ns != null) {
        names.add(ns);
      }
      String body;
      String source;
      if (alertmanager != null) {
        body = fromAlertmanager(ns, names);
        source = "Alertmanager";
      } else if (prometheus != null) {
        body = fromPrometheus(ns, names);
        source = "Prometheus";
      } else {
        return notConfigured(tool, args);
      }
      return ctx.output().data(tool, args, source, body, names);
    } catch (RuntimeException e) {
      return ctx.output().error(tool, args, e.getMessage(), hint(e));
    }
  }

  private void vector(QueryResult result, StringBuilder body, List<String> names) {
    body.append(result.series().size()).append(" series:");
    for (Series s : result.series().stream().limit(MAX_SERIES).toList()) {
      PrometheusText.names(s.labels(), names);
      body.append('\n').append(s.selector().isEmpty() ? "{}" : s.selector()).append(" → ");
      if (s.points().size() == 1) {
        body.append(PrometheusText.num(s.points().get(0).value()));
      } else {
        body.append(PrometheusText.summary(s).substring(s.selector().length() + 2));
      }
    }
    more(body, result.series().size());
  }

  private String fromAlertmanager(String ns, List<String> names) {
    AlertFilter filter =
        ns == null ? AlertFilter.all() : AlertFilter.matching(Matcher.equal("namespace", ns));
    List<Alert> all = alertmanager.alerts(filter);
    List<Alert> active =
        all.stream()
            .filter(a -> "active".equals(a.state()))
            .sorted((a, b) -> compare(b.startsAt(), a.startsAt()))
            .toList();
    StringBuilder body =
        new StringBuilder()
            .append(active.size())
            .append(" firing alerts")
            .append(ns == null ? "" : " in namespace " + ns)
            .append(" (")
            .append(all.size() - active.size())
            .append(" silenced, inhibited or unprocessed not shown):");
    for (Alert a : active.stream().limit(MAX_SERIES).toList()) {
      PrometheusText.names(a.labels(), names);
      body.append('\n').append(line(a.labels(), a.annotations(), a.startsAt()));
    }
    more(body, active.size());
    return body.toString();
  }

  private String fromPrometheus(String ns, List<String> names) {
    List<PrometheusAlert> firing =
        prometheus.alerts().stream()
            .filter(a -> "firing".equals(a.state()))
            .filter(a -> ns == null || ns.equals(a.labels().get("namespace")))
            .sorted((a, b) -> compare(b.activeAt(), a.activeAt()))
            .toList();
    StringBuilder body =
        new StringBuilder()
            .append(firing.size())
            .append(" firing alerts")
            .append(ns == null ? "" : " in namespace " + ns)
            .append(" (from Prometheus; silences are not applied):");
    for (PrometheusAlert a : firing.stream().limit(MAX_SERIES).toList()) {
      PrometheusText.names(a.labels(), names);
      body.append('\n').append(line(a.labels(), a.annotations(), a.activeAt()));
    }
    more(body, firing.size());
    return body.toString();
  }

  /** {@code KubePodCrashLooping {namespace="shop", pod="…"} for 5m: summary}. */
  private String line(Map<String, String> labels, Map<String, String> annotations, Instant since) {
    Map<String, String> rest = new TreeMap<>(labels);
    String name = rest.remove("alertname");
    StringBuilder out = new StringBuilder(name == null ? "(unnamed)" : name).append(' ');
    out.append(
        new Series(rest, List.of()).selector().isEmpty()
            ? "{}"
            : new Series(rest, List.of()).selector());
    if (since != null) {
      Duration age = Duration.between(since, ctx.clock().instant());
      out.append(" for ").append(Ages.of(age.isNegative() ? Duration.ZERO : age));
    }
    String summary = annotations.getOrDefault("summary", annotations.get("description"));
    if (summary != null && !summary.isBlank()) {
      out.append(": ").append(summary.strip().replaceAll("\\s+", " "));
    }
    return out.toString();
  }

  private static int compare(Instant a, Instant b) {
    return a == null || b == null ? 0 : a.compareTo(b);
  }

  private static void more(StringBuilder body, int total) {
    if (total > MAX_SERIES) {
      body.append("\n(")
          .append(total - MAX_SERIES)
          .append(" more not shown; narrow the query with label matchers, topk or a namespace)");
    }
  }

  private static String required(String promql) {
    if (promql == null || promql.isBlank()) {
      throw new IllegalArgumentException("promql is empty; give a PromQL expression such as up");
    }
    return promql.strip();
  }

  private String notConfigured(String tool, String args) {
    return ctx.output()
        .error(
            tool,
            args,
            "Prometheus is not configured for this bot (set " + PrometheusClient.URL_SETTING + ").",
            "Do not retry; answer from the other tools.");
  }

  private static String hint(RuntimeException e) {
    if (e instanceof PrometheusException p) {
      if (!p.errorType().isEmpty() && !"timeout".equals(p.errorType())) {
        return "Correct the PromQL as the message says and call again.";
      }
      return p.status() == 0
          ? "Prometheus did not answer; retry at most once."
          : "Do not retry; tell the asker Prometheus refused the query.";
    }
    if (e instanceof AlertmanagerException) {
      return "Alertmanager did not answer; retry at most once.";
    }
    return "Correct the arguments as the message says.";
  }
}
