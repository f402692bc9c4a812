package dev.jamiescarlet.embeddings;

/** An embedding model that cannot be found, loaded or run; the message names the fix. */
public final class EmbeddingModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EmbeddingModelException(String message) {
    super(message);
  }

  public EmbeddingModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
