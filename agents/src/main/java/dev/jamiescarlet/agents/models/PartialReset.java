package dev.jamiescarlet.agents.models;

/**
 * Told when streamed text must be taken back: a stream cut mid-answer is sent again, so the text it
 * had produced is replaced by the new attempt's, never followed by it.
 */
@FunctionalInterface
public interface PartialReset {

  /** The last {@code characters} characters of partial text streamed so far are void. */
  void discard(int characters);

  /** Nobody listens (blocking callers see only complete answers). */
  static PartialReset none() {
    return characters -> {};
  }
}
