package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.config.Durations;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.charts.ChartRenderer;
import dev.jamiescarlet.tools.prometheus.PrometheusException;
import dev.jamiescarlet.tools.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code graph PROMQL [RANGE]}: a range query drawn as a PNG chart and posted with the reply. */
public final class GraphCommand implements Command {
  static final Duration DEFAULT_RANGE = Duration.ofHours(1);
  static final Duration MAX_RANGE = Duration.ofDays(30);
  static final int POINTS = 200;
  static final int LATEST_SHOWN = 5;

  private static final Syntax SYNTAX = Syntax.of("graph").text("PROMQL [RANGE]").build();
  // "up 6h" or "up --range 6h"; "x offset 1h" keeps its offset
  private static final Pattern TRAILING_RANGE =
      Pattern.compile("^(.*?)(?:\\s+--range)?\\s+(\\d+[smhd](?:\\d+[smhd])*)$", Pattern.DOTALL);
  private static final Pattern ENDS_WITH_MODIFIER =
      Pattern.compile("(?i).*\\b(offset|@)\\s*$", Pattern.DOTALL);

  private final Supplier<Monitoring> monitoring;
  private final ChartRenderer charts = new ChartRenderer();

  /** Draws from the Prometheus of {@code monitoring} (read when the command runs). */
  public GraphCommand(Supplier<Monitoring> monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public String verb() {
    return "graph";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "A chart of a PromQL query over a range (default 1h): `graph rate(http_requests_total[5m]) 6h`.";
  }

  @Override
  public Message run(Invocation inv) {
    var prometheus = monitoring.get().prometheus();
    if (prometheus == null) {
      return Monitoring.prometheusMissing();
    }
    Request request = parse(inv.arg(0));
    Instant end = inv.context().clock().instant();
    Duration step = step(request.range());
    List<Series> series;
    try {
      series = prometheus.queryRange(request.promql(), end.minus(request.range()), end, step);
    } catch (PrometheusException e) {
      return Monitoring.prometheusFailed(e, "`query` runs it once so you can see the labels.");
    }
    byte[] png = charts.render(request.promql(), series);
    String range = Durations.describe(request.range());
    String filename = "graph-" + Mrkdwn.slug(request.promql()) + ".png";
    return Message.builder("Graph of " + request.promql() + " over " + range)
        .section(summaryLine(request.promql(), range, series))
        .image(filename, request.promql() + " · last " + range, png)
        .build();
  }

  static String summaryLine(String promql, String range, List<Series> series) {
    StringBuilder line =
        new StringBuilder(Mrkdwn.code(Mrkdwn.truncate(promql, 200)))
            .append(" over the last ")
            .append(range)
            .append(": ")
            .append(series.size())
            .append(" series");
    if (series.isEmpty()) {
      return line.append(" — no data in that range.").toString();
    }
    line.append(" · latest ");
    List<String> latest =
        series.stream().limit(LATEST_SHOWN).map(s -> "`" + PromValues.latest(s) + "`").toList();
    line.append(String.join(", ", latest));
    if (series.size() > LATEST_SHOWN) {
      line.append(" and ").append(series.size() - LATEST_SHOWN).append(" more");
    }
    return line.toString();
  }

  /** The query and its range, the range taken off the end when it is one. */
  static Request parse(String text) {
    String rest = text.strip();
    Matcher m = TRAILING_RANGE.matcher(rest);
    Duration range = DEFAULT_RANGE;
    if (m.matches() && !m.group(1).isBlank() && !ENDS_WITH_MODIFIER.matcher(m.group(1)).matches()) {
      range = Durations.parse(m.group(2));
      rest = m.group(1).strip();
    }
    if (range.compareTo(Duration.ofMinutes(1)) < 0 || range.compareTo(MAX_RANGE) > 0) {
      throw new UsageException(
          "A graph's range must be between 1m and 30d, not " + Durations.describe(range),
          SYNTAX.usage());
    }
    return new Request(rest, range);
  }

  /** About {@link #POINTS} points across the range, never under a second. */
  static Duration step(Duration range) {
    return Duration.ofSeconds(Math.max(1, range.toSeconds() / POINTS));
  }

  /** A parsed {@code graph} line. */
  record Request(String promql, Duration range) {}
}
