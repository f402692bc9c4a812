package dev.jamiescarlet.bot.slack;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short ids for log correlation: a random per-process prefix and a counter, unique across replicas.
 */
public final class RequestIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = prefix();
  private static final AtomicLong NEXT = new AtomicLong();

  private RequestIds() {}

  private static String prefix() {
    byte[] bytes = new byte[3];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The next id, e.g. {@code 3fa9c1-2b}. */
  public static String next() {
    return PREFIX + "-" + Long.toHexString(NEXT.incrementAndGet());
  }
}
