package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.prometheus.Point;
import dev.jamiescarlet.tools.prometheus.PrometheusException;
import dev.jamiescarlet.tools.prometheus.QueryResult;
import dev.jamiescarlet.tools.prometheus.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** {@code query PROMQL}: an instant Prometheus query as a table of labels and values. */
public final class QueryCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("query").text("PROMQL").build();

  private final Supplier<Monitoring> monitoring;

  /** Queries the Prometheus of {@code monitoring} (read when the command runs). */
  public QueryCommand(Supplier<Monitoring> monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public String verb() {
    return "query";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "A PromQL instant query as a table: `query sum by (pod) (rate(http_requests_total[5m]))`.";
  }

  @Override
  public Message run(Invocation inv) {
    var prometheus = monitoring.get().prometheus();
    if (prometheus == null) {
      return Monitoring.prometheusMissing();
    }
    String promql = inv.arg(0);
    QueryResult result;
    try {
      result = prometheus.query(promql, inv.context().clock().instant());
    } catch (PrometheusException e) {
      return Monitoring.prometheusFailed(e, "`graph` takes the same query.");
    }
    String title = "query " + Mrkdwn.truncate(promql, 120);
    Message.Builder reply = Message.builder("Prometheus: " + promql).header(title);
    switch (result.type()) {
      case STRING -> reply.code(null, result.text());
      case SCALAR ->
          reply.section(
              "`"
                  + PromValues.value(
                      result.series().isEmpty() || result.series().getFirst().points().isEmpty()
                          ? Double.NaN
                          : result.series().getFirst().points().getFirst().value())
                  + "`");
      case VECTOR, MATRIX -> {
        if (result.series().isEmpty()) {
          reply.section("No series match.");
        } else {
          reply.table(columns(result.type()), rows(result));
        }
      }
    }
    return reply
        .context(
            result.series().size() + " series · " + result.type().name().toLowerCase(Locale.ROOT))
        .build();
  }

  private static List<String> columns(QueryResult.ResultType type) {
    return type == QueryResult.ResultType.MATRIX
        ? List.of("SERIES", "POINTS", "LATEST", "MIN", "MAX")
        : List.of("SERIES", "VALUE");
  }

  // a matrix is summarised: a table of every point would be unreadable
  private static List<List<String>> rows(QueryResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (Series s : result.series()) {
      String labels = PromValues.labels(s.labels());
      List<Point> points = s.points();
      if (result.type() == QueryResult.ResultType.VECTOR) {
        rows.add(
            List.of(labels, points.isEmpty() ? "" : PromValues.value(points.getFirst().value())));
      } else {
        double min = points.stream().mapToDouble(Point::value).min().orElse(Double.NaN);
        double max = points.stream().mapToDouble(Point::value).max().orElse(Double.NaN);
        rows.add(
            List.of(
                labels,
                String.valueOf(points.size()),
                points.isEmpty() ? "" : PromValues.value(points.getLast().value()),
                PromValues.value(min),
                PromValues.value(max)));
      }
    }
    return rows;
  }
}
