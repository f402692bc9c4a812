package dev.jamiescarlet.bot.health;

/**
 * One dependency and how to probe it.
 *
 * @param name what /health and {@code status} call it, e.g. {@code mongodb} or {@code
 *     cluster:prod-eu}
 * @param kind its family, e.g. {@code slack}, {@code kubernetes}, {@code model}
 * @param required whether the pod is not ready while it is down
 * @param fix what to check when the probe hangs or throws, e.g. "check JAMIE_ARGOCD_URL"
 * @param probe the probe; it may throw, the message becomes the detail
 */
public record DependencyCheck(String name, String kind, boolean required, String fix, Probe probe) {

  /** A cheap request that tells whether a dependency answers. */
  @FunctionalInterface
  public interface Probe {
    /** Probes once. */
    ProbeResult run() throws Exception;
  }

  /** An optional dependency. */
  public static DependencyCheck optional(String name, String kind, String fix, Probe probe) {
    return new DependencyCheck(name, kind, false, fix, probe);
  }

  /** A dependency without settings: reported as not configured, naming the setting. */
  public static DependencyCheck notConfigured(String name, String kind, String setting) {
    return new DependencyCheck(
        name, kind, false, setting, () -> ProbeResult.notConfigured(setting));
  }
}
