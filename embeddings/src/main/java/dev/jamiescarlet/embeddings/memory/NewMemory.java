package dev.jamiescarlet.embeddings.memory;

import java.time.Instant;
import java.util.Objects;

/** A memory to store: the text, where it came from and who may see it. */
public record NewMemory(
    MemoryKind kind,
    String text,
    String title,
    String source,
    Scope scope,
    String cluster,
    String author,
    Instant expires) {

  /** Requires a kind, a non-blank text and a scope; a missing title or source becomes "". */
  public NewMemory {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scope, "scope (use Scope.global() for everyone)");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a memory needs some text");
    }
    title = title == null ? "" : title;
    source = source == null ? "" : source;
  }

  /** The text the embedding model sees: the title (a runbook heading) helps, so it leads. */
  String embeddingText() {
    return embeddingText(title, text);
  }

  static String embeddingText(String title, String text) {
    return title.isBlank() ? text : title + "\n" + text;
  }
}
