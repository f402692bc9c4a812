package dev.jamiescarlet.bot.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * A stand-in Prometheus for the demo, which has none: {@code /api/v1/query} and {@code
 * /api/v1/query_range} under {@link #PATH} answer in Prometheus's JSON shapes with one SYNTHETIC
 * series — checkout's restart counter rising by one every five minutes — for any query that
 * mentions checkout or restarts, and no data for anything else.
 */
public final class DemoMetrics {
  /** Where it is served on the sandbox's port; the demo's JAMIE_PROMETHEUS_URL ends with it. */
  public static final String PATH = "/demo-prometheus";

  /** Seconds between restarts of the synthetic counter. */
  static final long RESTART_EVERY_SECONDS = 300;

  /** Points a range query may ask for, as Prometheus's own limit. */
  static final long MAX_POINTS = 11_000;

  private final Clock clock;
  private final Instant origin;

  /** The counter starts an hour and a half before now, at 3 restarts. */
  public DemoMetrics(Clock clock) {
    this.clock = clock;
    this.origin = clock.instant().minusSeconds(5_400);
  }

  /** Adds the two endpoints (GET and POST, as Prometheus accepts both). */
  public void routes(RoutesConfig routes) {
    routes.get(PATH + "/api/v1/query_range", this::queryRange);
    routes.post(PATH + "/api/v1/query_range", this::queryRange);
    routes.get(PATH + "/api/v1/query", this::query);
    routes.post(PATH + "/api/v1/query", this::query);
  }

  /** The synthetic restart count at {@code t}. */
  double restarts(double epochSeconds) {
    double since = epochSeconds - origin.getEpochSecond();
    return since < 0 ? 3 : 3 + Math.floor(since / RESTART_EVERY_SECONDS);
  }

  private void queryRange(Context ctx) {
    String query = param(ctx, "query");
    Double start = number(param(ctx, "start"));
    Double end = number(param(ctx, "end"));
    Double step = number(param(ctx, "step"));
    if (query == null || start == null || end == null || step == null || step <= 0) {
      badData(ctx, "query, start, end and a positive step are required");
      return;
    }
    if (end < start || (end - start) / step > MAX_POINTS) {
      badData(
          ctx,
          "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query"
              + " resolution (?step=XX)");
      return;
    }
    ObjectNode data = Json.object();
    data.put("resultType", "matrix");
    ArrayNode result = data.putArray("result");
    if (matches(query)) {
      ObjectNode series = result.addObject();
      series.set("metric", labels());
      ArrayNode values = series.putArray("values");
      for (double t = start; t <= end; t += step) {
        ArrayNode point = values.addArray();
        point.add(t);
        point.add(format(restarts(t)));
      }
    }
    success(ctx, data);
  }

  private void query(Context ctx) {
    String query = param(ctx, "query");
    if (query == null) {
      badData(ctx, "query is required");
      return;
    }
    Double at = number(param(ctx, "time"));
    double t = at != null ? at : clock.instant().toEpochMilli() / 1000.0;
    ObjectNode data = Json.object();
    data.put("resultType", "vector");
    ArrayNode result = data.putArray("result");
    if (matches(query)) {
      ObjectNode sample = result.addObject();
      sample.set("metric", labels());
      ArrayNode value = sample.putArray("value");
      value.add(t);
      value.add(format(restarts(t)));
    }
    success(ctx, data);
  }

  private static boolean matches(String query) {
    String q = query.toLowerCase(Locale.ROOT);
    return q.contains("checkout") || q.contains("restart");
  }

  private static ObjectNode labels() {
    ObjectNode m = Json.object();
    m.put("namespace", "shop");
    m.put("pod", DemoAlert.POD);
    m.put("container", "checkout");
    m.put("synthetic", "true");
    return m;
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null && "POST".equals(ctx.method().name())) {
      v = ctx.formParam(name);
    }
    return v == null || v.isBlank() ? null : v;
  }

  private static Double number(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static void success(Context ctx, ObjectNode data) {
    ObjectNode root = Json.object();
    root.put("status", "success");
    root.set("data", data);
    ctx.contentType("application/json").result(Json.write(root));
  }

  private static void badData(Context ctx, String error) {
    ObjectNode root = Json.object();
    root.put("status", "error");
    root.put("errorType", "bad_data");
    root.put("error", error);
    ctx.status(HttpStatus.BAD_REQUEST).contentType("application/json").result(Json.write(root));
  }
}
