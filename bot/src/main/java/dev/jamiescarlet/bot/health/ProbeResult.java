package dev.jamiescarlet.bot.health;

/**
 * What one probe found.
 *
 * @param state up, degraded, down or not configured
 * @param detail a short reason; for anything but up it names the fix
 */
public record ProbeResult(DependencyState state, String detail) {

  /** It answered; {@code detail} says what, e.g. the version. */
  public static ProbeResult up(String detail) {
    return new ProbeResult(DependencyState.UP, detail);
  }

  /** It answered, but is missing something; {@code detail} names the fix. */
  public static ProbeResult degraded(String detail) {
    return new ProbeResult(DependencyState.DEGRADED, detail);
  }

  /** It failed; {@code detail} names the fix. */
  public static ProbeResult down(String detail) {
    return new ProbeResult(DependencyState.DOWN, detail);
  }

  /** No settings for it; {@code detail} names the setting. */
  public static ProbeResult notConfigured(String detail) {
    return new ProbeResult(DependencyState.NOT_CONFIGURED, detail);
  }
}
