package dev.jamiescarlet.embeddings.memory;

import java.util.List;
import java.util.Objects;

/** A search: free text, the scopes the asker may see, an optional cluster and a result limit. */
public record MemoryQuery(
    MemoryKind kind, String text, List<Scope> scopes, String cluster, int limit) {

  /** The most results one search returns. */
  public static final int MAX_LIMIT = 100;

  /** Requires a kind, text, at least one scope and a limit of 1 to {@value #MAX_LIMIT}. */
  public MemoryQuery {
    Objects.requireNonNull(kind, "kind");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a memory search needs some text");
    }
    if (scopes == null || scopes.isEmpty()) {
      throw new IllegalArgumentException(
          "a memory search needs the scopes the asker may see, e.g."
              + " List.of(Scope.global(), Scope.channel(channelId))");
    }
    scopes = List.copyOf(scopes);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
  }
}
