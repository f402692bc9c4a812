package dev.jamiescarlet.bot.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every dependency's state from one round of probes.
 *
 * @param checkedAt when the round started
 * @param dependencies one entry per dependency, in check order
 */
public record HealthReport(Instant checkedAt, List<DependencyStatus> dependencies) {

  /** Copies. */
  public HealthReport {
    dependencies = List.copyOf(dependencies);
  }

  /** How many are in {@code state}. */
  public long count(DependencyState state) {
    return dependencies.stream().filter(d -> d.state() == state).count();
  }

  /** Required dependencies that are not up, name → detail; readiness fails on these. */
  public Map<String, String> failingRequired() {
    Map<String, String> failing = new LinkedHashMap<>();
    for (DependencyStatus d : dependencies) {
      if (d.required() && d.state() != DependencyState.UP) {
        failing.put(d.name(), d.detail());
      }
    }
    return failing;
  }

  /** One line, e.g. "9 of 11 dependencies up · 2 not configured". */
  public String summary() {
    long notConfigured = count(DependencyState.NOT_CONFIGURED);
    long configured = dependencies.size() - notConfigured;
    String line =
        count(DependencyState.UP)
            + " of "
            + configured
            + (configured == 1 ? " dependency up" : " dependencies up");
    return notConfigured == 0 ? line : line + " · " + notConfigured + " not configured";
  }

  /** As the management port's /health shows them. */
  public List<Map<String, Object>> toJson() {
    return dependencies.stream().map(DependencyStatus::toJson).toList();
  }
}
