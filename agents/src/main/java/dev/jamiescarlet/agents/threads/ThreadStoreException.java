package dev.jamiescarlet.agents.threads;

/** Thread memory could not be read or written; the message names what to check. */
public final class ThreadStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ThreadStoreException(String what, RuntimeException cause) {
    super(
        "MongoDB is unreachable or refused to "
            + what
            + " ("
            + cause.getMessage()
            + "); check MONGODB_URI (or the embedded store under JAMIE_DATA_DIR)",
        cause);
  }
}
