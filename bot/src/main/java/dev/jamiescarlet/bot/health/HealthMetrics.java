package dev.jamiescarlet.bot.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;

/**
 * The last health round as gauges, refreshed before each scrape: {@code jamie.dependency.up} (1 up,
 * 0.5 degraded, 0 down) and {@code jamie.dependency.latency} (seconds), by dependency and kind.
 * Dependencies that are not configured are left out; ones that disappear (a deleted Kamaji tenant)
 * drop out of the next scrape.
 */
public final class HealthMetrics {
  private final MultiGauge up;
  private final MultiGauge latency;

  /** Gauges in {@code meters}, empty until the first {@link #update}. */
  public HealthMetrics(MeterRegistry meters) {
    this.up =
        MultiGauge.builder("jamie.dependency.up")
            .description("1 when the dependency answered its last probe, 0.5 degraded, 0 down")
            .register(meters);
    this.latency =
        MultiGauge.builder("jamie.dependency.latency")
            .description("How long the dependency's last probe took")
            .baseUnit("seconds")
            .register(meters);
  }

  /** Publishes {@code report}'s states and latencies (replacing the previous ones). */
  public void update(HealthReport report) {
    List<MultiGauge.Row<?>> states = new ArrayList<>();
    List<MultiGauge.Row<?>> latencies = new ArrayList<>();
    for (DependencyStatus d : report.dependencies()) {
      if (d.state() == DependencyState.NOT_CONFIGURED) {
        continue;
      }
      Tags tags = Tags.of("dependency", d.name(), "kind", d.kind());
      states.add(MultiGauge.Row.of(tags, value(d.state())));
      latencies.add(MultiGauge.Row.of(tags, d.latencyMillis() / 1000.0));
    }
    up.register(states, true);
    latency.register(latencies, true);
  }

  private static double value(DependencyState state) {
    return switch (state) {
      case UP -> 1.0;
      case DEGRADED -> 0.5;
      case DOWN, NOT_CONFIGURED -> 0.0;
    };
  }
}
