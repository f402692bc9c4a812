package dev.jamiescarlet.embeddings.routing;

/**
 * One word of a message: lower-cased {@code text}, with a possessive {@code 's} already removed
 * (and remembered) and surrounding punctuation dropped.
 */
record Token(String text, boolean possessive, String trailing) {
  /** The word as it goes back into the text to embed. */
  String surface() {
    return (possessive ? text + "'s" : text) + trailing;
  }
}
