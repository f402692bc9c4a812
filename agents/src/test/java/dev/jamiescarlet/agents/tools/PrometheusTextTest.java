package dev.jamiescarlet.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.prometheus.Point;
import dev.jamiescarlet.tools.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void durationsReadPrometheusUnits() {
    // then
    assertThat(PrometheusText.duration("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(PrometheusText.duration(" 1h30m ")).isEqualTo(Duration.ofMinutes(90));
    assertThat(PrometheusText.duration("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(PrometheusText.duration("1w")).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> PrometheusText.duration("1 hour"))
        .hasMessageContaining("e.g. 15m, 1h or 2d");
    assertThatThrownBy(() -> PrometheusText.duration("0s")).hasMessageContaining("not a duration");
  }

  @Test
  void numbersAreCompact() {
    // then
    assertThat(PrometheusText.num(3.0)).isEqualTo("3");
    assertThat(PrometheusText.num(0.123456)).isEqualTo("0.1235");
    assertThat(PrometheusText.num(2.5)).isEqualTo("2.5");
    assertThat(PrometheusText.num(Double.NaN)).isEqualTo("NaN");
  }

  @Test
  void aSeriesIsSummarisedWithItsTrend() {
    // given
    Instant t = Instant.parse("2025-01-01T12:00:00Z");
    Series rising =
        new Series(
            Map.of("__name__", "restarts", "pod", "checkout-a"),
            List.of(new Point(t, 1), new Point(t.plusSeconds(60), 0.5), new Point(t, 4)));

    // when
    String out = PrometheusText.summary(rising);

    // then
    assertThat(out)
        .isEqualTo("restarts{pod=\"checkout-a\"}: min=0.5 max=4 last=4 trend=rising (3 points)");
    assertThat(PrometheusText.trend(10, 2)).isEqualTo("falling");
    assertThat(PrometheusText.trend(100, 103)).isEqualTo("flat");
    assertThat(PrometheusText.summary(new Series(Map.of(), List.of(new Point(t, Double.NaN)))))
        .endsWith("no numeric points");
  }
}
