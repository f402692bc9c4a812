package dev.jamiescarlet.agents.models;

/** A streamed answer ended before the endpoint said it was complete (no finish reason). */
final class StreamCutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StreamCutException(String message) {
    super(message);
  }
}
