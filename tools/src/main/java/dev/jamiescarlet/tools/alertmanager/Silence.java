package dev.jamiescarlet.tools.alertmanager;

import java.time.Instant;
import java.util.List;

/**
 * A silence: matchers muting alerts between two instants; state is {@code pending}, {@code active}
 * or {@code expired}.
 */
public record Silence(
    String id,
    List<Matcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    String state) {

  public Silence {
    matchers = List.copyOf(matchers);
  }

  /** True while the silence mutes matching alerts. */
  public boolean active() {
    return "active".equals(state);
  }
}
