package dev.jamiescarlet.tools.alertmanager;

import java.util.List;

/**
 * Which alerts {@link AlertmanagerClient#alerts(AlertFilter)} returns: label matchers, and whether
 * to include silenced and inhibited alerts (Alertmanager includes both by default).
 */
public record AlertFilter(
    List<Matcher> matchers, boolean silenced, boolean inhibited, String receiver) {

  public AlertFilter {
    matchers = List.copyOf(matchers);
  }

  /** Every alert, silenced and inhibited ones included. */
  public static AlertFilter all() {
    return new AlertFilter(List.of(), true, true, null);
  }

  /** Alerts whose labels match all of {@code matchers}. */
  public static AlertFilter matching(Matcher... matchers) {
    return new AlertFilter(List.of(matchers), true, true, null);
  }

  /** The same filter without silenced and inhibited alerts: what still needs a human. */
  public AlertFilter unmutedOnly() {
    return new AlertFilter(matchers, false, false, receiver);
  }
}
