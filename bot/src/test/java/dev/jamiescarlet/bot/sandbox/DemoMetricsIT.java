package dev.jamiescarlet.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.prometheus.Point;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import dev.jamiescarlet.tools.prometheus.PrometheusException;
import dev.jamiescarlet.tools.prometheus.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's synthetic Prometheus answers the project's real Prometheus client. */
class DemoMetricsIT {
  private static SlackSandbox sandbox;
  private static PrometheusClient prometheus;

  @BeforeAll
  static void start() {
    sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start();
    prometheus = PrometheusClient.of(sandbox.demoPrometheusUrl());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void checkoutsRestartsRiseStepByStepOverTheLastHour() {
    // when
    Instant end = Instant.now();
    List<Series> series =
        prometheus.queryRange(
            DemoAlert.EXPR, end.minus(Duration.ofHours(1)), end, Duration.ofMinutes(1));

    // then one series of the checkout pod, never falling, rising by whole restarts
    Series s = series.getFirst();
    assertThat(series).hasSize(1);
    assertThat(s.labels()).containsEntry("pod", DemoAlert.POD).containsEntry("synthetic", "true");
    List<Double> values = s.points().stream().map(Point::value).toList();
    assertThat(values).hasSizeBetween(60, 61).isSorted();
    assertThat(values.getLast() - values.getFirst()).isBetween(11.0, 13.0);
  }

  @Test
  void otherQueriesHaveNoDataAndBadRangesAreBadData() {
    Instant end = Instant.now();
    assertThat(prometheus.queryRange("up", end.minusSeconds(600), end, Duration.ofMinutes(1)))
        .isEmpty();
    assertThatThrownBy(
            () ->
                prometheus.queryRange(
                    DemoAlert.EXPR, end.minus(Duration.ofDays(30)), end, Duration.ofSeconds(1)))
        .isInstanceOf(PrometheusException.class)
        .hasMessageContaining("bad_data");
    assertThat(prometheus.query("kube_pod_container_status_restarts_total", null).toString())
        .contains(DemoAlert.POD);
  }
}
