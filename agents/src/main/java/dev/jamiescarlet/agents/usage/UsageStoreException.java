package dev.jamiescarlet.agents.usage;

/** Token usage could not be read or written; the message names what to check. */
public final class UsageStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageStoreException(String what, RuntimeException cause) {
    super(
        "MongoDB is unreachable or refused to "
            + what
            + " ("
            + cause.getMessage()
            + "); check MONGODB_URI (or the embedded store under JAMIE_DATA_DIR)",
        cause);
  }
}
