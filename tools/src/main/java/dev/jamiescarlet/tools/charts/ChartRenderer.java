package dev.jamiescarlet.tools.charts;

import dev.jamiescarlet.tools.prometheus.Point;
import dev.jamiescarlet.tools.prometheus.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws Prometheus range-query series as a PNG line chart (for a Slack thread), headless. */
public final class ChartRenderer {
  /** At most this many series get a line; the rest are counted in the title. */
  public static final int MAX_SERIES = 8;

  /** Line colours, in series order; distinct from the grid and from {@link #THRESHOLD_COLOR}. */
  public static final List<Color> PALETTE =
      List.of(
          new Color(0x1F77B4),
          new Color(0xFF7F0E),
          new Color(0x2CA02C),
          new Color(0x9467BD),
          new Color(0x8C564B),
          new Color(0xE377C2),
          new Color(0x17BECF),
          new Color(0xBCBD22));

  /** The colour of the dashed threshold line. */
  public static final Color THRESHOLD_COLOR = new Color(0xD62728);

  static final int MAX_TITLE = 80;
  static final int MAX_LEGEND = 32;

  static {
    // Charts render on servers without a display; AWT must not look for one.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final int width;
  private final int height;

  /** A renderer for 800×400 images. */
  public ChartRenderer() {
    this(800, 400);
  }

  /** A renderer for images of the given size in pixels. */
  public ChartRenderer(int width, int height) {
    if (width < 200 || height < 150) {
      throw new IllegalArgumentException(
          "A chart needs at least 200×150 pixels to stay readable, got " + width + "×" + height);
    }
    this.width = width;
    this.height = height;
  }

  /** The PNG of {@code series} under the title {@code promql}. */
  public byte[] render(String promql, List<Series> series) {
    return render(promql, series, null);
  }

  /**
   * The PNG of {@code series} with a dashed horizontal line at {@code threshold} (none when null).
   */
  public byte[] render(String promql, List<Series> series, Double threshold) {
    List<Series> drawable =
        series.stream().filter(s -> s.points().stream().anyMatch(p -> isFinite(p))).toList();
    if (drawable.isEmpty()) {
      return NoDataImage.png(width, height, clip(promql, MAX_TITLE));
    }
    List<Series> shown =
        drawable.stream()
            .sorted(Comparator.comparingDouble(ChartRenderer::peak).reversed())
            .limit(MAX_SERIES)
            .toList();
    String title = clip(promql, MAX_TITLE);
    if (drawable.size() > shown.size()) {
      String summary = "  (top " + shown.size() + " of " + drawable.size() + " series by peak)";
      title = clip(promql, MAX_TITLE - summary.length()) + summary;
    }
    Set<String> varying = varyingLabels(shown);
    XYChart chart = chart(title, shown.size() > 1 || threshold != null, drawable);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < shown.size(); i++) {
      String name = legend(shown.get(i), varying, promql);
      addLine(chart, unique(names, name), shown.get(i), PALETTE.get(i));
    }
    if (threshold != null) {
      addThreshold(chart, unique(names, "threshold " + format(threshold)), threshold, shown);
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode the chart as PNG", e);
    }
  }

  private XYChart chart(String title, boolean legend, List<Series> series) {
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(title)
            .xAxisTitle("time (UTC)")
            .build();
    XYStyler styler = chart.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(Color.LIGHT_GRAY);
    styler.setPlotGridLinesColor(new Color(0xE6E6E6));
    styler.setChartTitleBoxVisible(false);
    styler.setLegendVisible(legend);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendLayout(Styler.LegendLayout.Vertical);
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    styler.setLegendBorderColor(Color.WHITE);
    styler.setTimezone(TimeZone.getTimeZone("UTC"));
    styler.setDatePattern(datePattern(span(series)));
    styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    styler.setAntiAlias(true);
    return chart;
  }

  private static void addLine(XYChart chart, String name, Series series, Color color) {
    List<Date> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (Point p : series.points()) {
      x.add(Date.from(p.time()));
      // XChart leaves a gap at NaN, which is what a missing or infinite sample should look like
      y.add(isFinite(p) ? p.value() : Double.NaN);
    }
    XYSeries line = chart.addSeries(name, x, y);
    line.setLineColor(color);
    line.setMarkerColor(color);
    line.setLineWidth(2f);
    line.setMarker(series.points().size() < 3 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
  }

  private static void addThreshold(XYChart chart, String name, double value, List<Series> shown) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Series s : shown) {
      for (Point p : s.points()) {
        first = Math.min(first, p.time().toEpochMilli());
        last = Math.max(last, p.time().toEpochMilli());
      }
    }
    XYSeries line =
        chart.addSeries(name, List.of(new Date(first), new Date(last)), List.of(value, value));
    line.setLineColor(THRESHOLD_COLOR);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineStyle(
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
    line.setShowInLegend(true);
  }

  /**
   * The labels that tell this series from the others shown ({@code pod="a"}), or its whole selector
   * when nothing varies, or the query for an unlabelled series.
   */
  static String legend(Series series, Set<String> varying, String promql) {
    String text;
    if (!varying.isEmpty()) {
      StringBuilder out = new StringBuilder();
      for (String label : varying) {
        String value = series.labels().get(label);
        if (value != null) {
          out.append(out.isEmpty() ? "" : ", ")
              .append(label)
              .append("=\"")
              .append(value)
              .append('"');
        }
      }
      text = out.isEmpty() ? series.selector() : out.toString();
    } else {
      text = series.selector();
    }
    return clip(text.isEmpty() ? promql : text, MAX_LEGEND);
  }

  /** Label names whose values differ between the series, sorted. */
  static Set<String> varyingLabels(List<Series> series) {
    Set<String> varying = new TreeSet<>();
    if (series.size() < 2) {
      return varying;
    }
    Set<String> all = new TreeSet<>();
    series.forEach(s -> all.addAll(s.labels().keySet()));
    Map<String, String> first = series.get(0).labels();
    for (String label : all) {
      if (series.stream()
          .anyMatch(s -> !java.util.Objects.equals(s.labels().get(label), first.get(label)))) {
        varying.add(label);
      }
    }
    return varying;
  }

  static String clip(String text, int max) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  private static String unique(Set<String> names, String name) {
    String candidate = name;
    for (int n = 2; !names.add(candidate); n++) {
      candidate = name + " (" + n + ")";
    }
    return candidate;
  }

  private static double peak(Series series) {
    return series.points().stream()
        .filter(ChartRenderer::isFinite)
        .mapToDouble(Point::value)
        .max()
        .orElse(Double.NEGATIVE_INFINITY);
  }

  /** Tick labels fine enough that neighbouring ticks differ, or XChart drops them all. */
  static String datePattern(Duration span) {
    if (span.compareTo(Duration.ofMinutes(10)) < 0) {
      return "HH:mm:ss";
    }
    return span.compareTo(Duration.ofDays(1)) > 0 ? "MM-dd HH:mm" : "HH:mm";
  }

  private static Duration span(List<Series> series) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Series s : series) {
      for (Point p : s.points()) {
        first = Math.min(first, p.time().toEpochMilli());
        last = Math.max(last, p.time().toEpochMilli());
      }
    }
    return Duration.ofMillis(Math.max(0, last - first));
  }

  private static boolean isFinite(Point p) {
    return Double.isFinite(p.value());
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
