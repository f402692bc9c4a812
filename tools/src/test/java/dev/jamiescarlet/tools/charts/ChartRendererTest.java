package dev.jamiescarlet.tools.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.prometheus.Point;
import dev.jamiescarlet.tools.prometheus.Series;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartRendererTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

  private final ChartRenderer renderer = new ChartRenderer();

  @Test
  void rendersAPngOfTheRequestedSizeWithTheLineInsideThePlot() throws IOException {
    // given one flat series
    Series flat = series(Map.of("__name__", "up", "job", "prometheus"), 60, i -> 1.0);

    // when
    byte[] png = renderer.render("up", List.of(flat));

    // then
    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = decode(png);
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(400);
    List<int[]> line = pixelsOf(image, ChartRenderer.PALETTE.get(0));
    assertThat(line).hasSizeGreaterThan(200);
    // the middle of the image is plot area: the line crosses it horizontally
    assertThat(line).anyMatch(p -> p[0] > 350 && p[0] < 450 && p[1] > 40 && p[1] < 360);
  }

  @Test
  void aSpikeReachesTheTopOfThePlotAboveTheBaseline() throws IOException {
    // given a series at 1 with one spike to 100 in the middle
    Series spiky = series(Map.of("pod", "checkout"), 60, i -> i == 30 ? 100.0 : 1.0);

    // when
    BufferedImage image = decode(renderer.render("rate(x[5m])", List.of(spiky)));

    // then the highest line pixel is in the top quarter, near the middle, far above the lowest
    List<int[]> line = pixelsOf(image, ChartRenderer.PALETTE.get(0));
    int[] top = line.stream().min((a, b) -> Integer.compare(a[1], b[1])).orElseThrow();
    int bottom = line.stream().mapToInt(p -> p[1]).max().orElseThrow();
    assertThat(top[1]).isLessThan(image.getHeight() / 4);
    assertThat(top[0]).isBetween(image.getWidth() / 4, image.getWidth() * 3 / 4);
    assertThat(bottom - top[1]).isGreaterThan(image.getHeight() / 2);
  }

  @Test
  void aThresholdIsAHorizontalLineAcrossThePlot() throws IOException {
    // given
    Series rising = series(Map.of("pod", "a"), 60, i -> (double) i);

    // when
    BufferedImage image = decode(renderer.render("x", List.of(rising), 30.0));

    // then the threshold colour fills a narrow band of rows across most of the width (the legend's
    // sample is short)
    List<int[]> red = pixelsOf(image, ChartRenderer.THRESHOLD_COLOR);
    int row =
        red.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    p -> p[1], java.util.stream.Collectors.counting()))
            .entrySet()
            .stream()
            .max(Map.Entry.comparingByValue())
            .orElseThrow()
            .getKey();
    List<int[]> band = red.stream().filter(p -> Math.abs(p[1] - row) <= 2).toList();
    int minX = band.stream().mapToInt(p -> p[0]).min().orElseThrow();
    int maxX = band.stream().mapToInt(p -> p[0]).max().orElseThrow();
    assertThat(band).hasSizeGreaterThan(100);
    assertThat(maxX - minX).isGreaterThan(image.getWidth() / 2);
    // dashed: gaps along the band
    long coveredColumns = band.stream().mapToInt(p -> p[0]).distinct().count();
    assertThat(coveredColumns).isLessThan(maxX - minX);
  }

  @Test
  void moreThanEightSeriesDrawEightAndSayHowManyInTheTitle() throws IOException {
    // given twelve series
    List<Series> many = new ArrayList<>();
    for (int n = 0; n < 12; n++) {
      int level = n;
      many.add(series(Map.of("pod", "p" + n), 30, i -> (double) level));
    }

    // when
    BufferedImage image = decode(renderer.render("sum by (pod) (x)", many));

    // then all eight palette colours are drawn (the ninth series would repeat none)
    for (Color color : ChartRenderer.PALETTE) {
      assertThat(pixelsOf(image, color)).as("colour %s", color).isNotEmpty();
    }
  }

  @Test
  void noDataIsAReadableImageNotAnException() throws IOException {
    // given a query that matched nothing, and one that matched only NaN
    Series nan = series(Map.of("pod", "a"), 5, i -> Double.NaN);

    // when
    byte[] empty = renderer.render("absent_metric", List.of());
    byte[] onlyNaN = renderer.render("0/0", List.of(nan));

    // then both are PNGs with text (dark pixels) on white
    for (byte[] png : List.of(empty, onlyNaN)) {
      BufferedImage image = decode(png);
      assertThat(image.getWidth()).isEqualTo(800);
      long dark = countWhere(image, rgb -> luminance(rgb) < 160);
      assertThat(dark).isGreaterThan(100);
    }
  }

  @Test
  void legendsComeFromLabelsAndLongTitlesAreClipped() {
    // given
    Series s = new Series(Map.of("__name__", "up", "job", "p", "instance", "a:1"), List.of());

    Series other = new Series(Map.of("__name__", "up", "job", "p", "instance", "b:1"), List.of());
    Set<String> varying = ChartRenderer.varyingLabels(List.of(s, other));

    // when / then only the label that differs names each line
    assertThat(varying).containsExactly("instance");
    assertThat(ChartRenderer.legend(s, varying, "up")).isEqualTo("instance=\"a:1\"");
    assertThat(ChartRenderer.legend(s, Set.of(), "up"))
        .isEqualTo("up{instance=\"a:1\", job=\"p\"}");
    assertThat(ChartRenderer.legend(new Series(Map.of(), List.of()), Set.of(), "vector(1)"))
        .isEqualTo("vector(1)");
    assertThat(ChartRenderer.clip("x".repeat(200), 90)).hasSize(90).endsWith("…");
    assertThat(ChartRenderer.datePattern(Duration.ofSeconds(30))).isEqualTo("HH:mm:ss");
    assertThat(ChartRenderer.datePattern(Duration.ofHours(1))).isEqualTo("HH:mm");
    assertThat(ChartRenderer.datePattern(Duration.ofDays(7))).isEqualTo("MM-dd HH:mm");
    assertThatThrownBy(() -> new ChartRenderer(10, 10)).hasMessageContaining("at least 200×150");
  }

  private static Series series(
      Map<String, String> labels, int points, java.util.function.IntFunction<Double> value) {
    List<Point> list = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      list.add(new Point(START.plus(Duration.ofMinutes(i)), value.apply(i)));
    }
    return new Series(labels, list);
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("decodable PNG").isNotNull();
    return image;
  }

  /** Pixels within a small distance of {@code color} (anti-aliasing blends the edges). */
  private static List<int[]> pixelsOf(BufferedImage image, Color color) {
    List<int[]> pixels = new ArrayList<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        int d =
            Math.abs(c.getRed() - color.getRed())
                + Math.abs(c.getGreen() - color.getGreen())
                + Math.abs(c.getBlue() - color.getBlue());
        if (d < 40) {
          pixels.add(new int[] {x, y});
        }
      }
    }
    return pixels;
  }

  private static long countWhere(BufferedImage image, java.util.function.IntPredicate test) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (test.test(image.getRGB(x, y))) {
          n++;
        }
      }
    }
    return n;
  }

  private static int luminance(int rgb) {
    Color c = new Color(rgb);
    return (c.getRed() * 299 + c.getGreen() * 587 + c.getBlue() * 114) / 1000;
  }
}
