package dev.jamiescarlet.embeddings.memory;

import java.time.Instant;

/**
 * A stored memory; {@code id} is short enough to type in Slack (e.g. {@code /jamie forget
 * k3x9q2m}).
 */
public record Memory(
    String id,
    MemoryKind kind,
    String text,
    String title,
    String source,
    Scope scope,
    String cluster,
    String author,
    Instant created,
    Instant expires) {

  /** Whether the memory has expired at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expires != null && !expires.isAfter(now);
  }
}
