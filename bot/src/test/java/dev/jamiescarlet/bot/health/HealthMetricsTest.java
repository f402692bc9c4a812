package dev.jamiescarlet.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMetricsTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final HealthMetrics metrics = new HealthMetrics(meters);

  private static DependencyStatus status(String name, DependencyState state, long millis) {
    return new DependencyStatus(name, "kubernetes", false, state, millis, "");
  }

  private Gauge gauge(String name, String dependency) {
    return meters.find(name).tag("dependency", dependency).gauge();
  }

  @Test
  void eachConfiguredDependencyGetsItsStateAndLatency() {
    metrics.update(
        new HealthReport(
            Instant.EPOCH,
            List.of(
                status("cluster:prod", DependencyState.UP, 42),
                status("cluster:edge", DependencyState.DEGRADED, 7),
                status("cluster:lab", DependencyState.DOWN, 3000),
                status("grafana", DependencyState.NOT_CONFIGURED, 0))));

    assertThat(gauge("jamie.dependency.up", "cluster:prod").value()).isEqualTo(1.0);
    assertThat(gauge("jamie.dependency.up", "cluster:edge").value()).isEqualTo(0.5);
    assertThat(gauge("jamie.dependency.up", "cluster:lab").value()).isZero();
    assertThat(gauge("jamie.dependency.latency", "cluster:lab").value()).isEqualTo(3.0);
    assertThat(gauge("jamie.dependency.up", "grafana")).isNull();
  }

  @Test
  void aDependencyThatDisappearsDropsOut() {
    metrics.update(
        new HealthReport(
            Instant.EPOCH,
            List.of(
                status("cluster:prod", DependencyState.UP, 1),
                status("cluster:tenant-a", DependencyState.UP, 1))));
    metrics.update(
        new HealthReport(Instant.EPOCH, List.of(status("cluster:prod", DependencyState.DOWN, 1))));

    assertThat(gauge("jamie.dependency.up", "cluster:prod").value()).isZero();
    assertThat(gauge("jamie.dependency.up", "cluster:tenant-a")).isNull();
  }
}
