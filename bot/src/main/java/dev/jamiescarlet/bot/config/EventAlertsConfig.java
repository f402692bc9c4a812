package dev.jamiescarlet.bot.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Kubernetes warning-event source: off by default, filtered by namespace and reason.
 *
 * @param enabled whether the informers run
 * @param namespaces the namespaces watched; empty: all
 * @param reasons the reasons that become alerts; {@code *}: every warning
 * @param quiet how long without a new occurrence before a warning resolves
 */
public record EventAlertsConfig(
    boolean enabled, Set<String> namespaces, Set<String> reasons, Duration quiet) {

  /** The reasons that usually mean a workload is in trouble. */
  public static final String DEFAULT_REASONS =
      "BackOff,Failed,FailedScheduling,FailedMount,FailedAttachVolume,FailedCreatePodSandBox,"
          + "OOMKilling,Evicted,Unhealthy,NodeNotReady,FailedCreate";

  /** Copies. */
  public EventAlertsConfig {
    namespaces = Set.copyOf(namespaces);
    reasons = Set.copyOf(reasons);
  }

  /** Not watching. */
  public static EventAlertsConfig off() {
    return new EventAlertsConfig(false, Set.of(), names(DEFAULT_REASONS), Duration.ofMinutes(15));
  }

  /** A comma-separated list as a set, blanks dropped; null is empty. */
  public static Set<String> names(String list) {
    Set<String> out = new LinkedHashSet<>();
    if (list != null) {
      Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }

  /** Whether a warning of {@code reason} in {@code namespace} becomes an alert. */
  public boolean accepts(String namespace, String reason) {
    return (namespaces.isEmpty() || namespaces.contains(namespace))
        && (reasons.contains("*") || reasons.contains(reason));
  }
}
