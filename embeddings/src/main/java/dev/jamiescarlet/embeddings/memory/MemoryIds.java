package dev.jamiescarlet.embeddings.memory;

import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Short ids people can type in Slack: 7 characters of lower-case Crockford base32 (no i, l, o, u,
 * so nothing reads as 1 or 0), 35 random bits; a collision is caught by the unique {@code _id}.
 */
final class MemoryIds implements Supplier<String> {
  static final int LENGTH = 7;
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private final SecureRandom random = new SecureRandom();

  @Override
  public String get() {
    char[] out = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
