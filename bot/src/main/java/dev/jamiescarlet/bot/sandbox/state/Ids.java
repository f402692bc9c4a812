package dev.jamiescarlet.bot.sandbox.state;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random identifiers shaped like Slack's (F…, V…, Ev…, trigger ids). */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private Ids() {}

  /** {@code prefix} followed by {@code length} upper-case letters and digits. */
  public static String upper(String prefix, int length) {
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
    }
    return sb.toString();
  }

  /** {@code bytes} random bytes as lower-case hex. */
  public static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A trigger id like Slack's "13345224609.738474920.8088930838d88f008e0ad2f2efe3a7a5". */
  public static String trigger() {
    return (1_000_000_000L + RANDOM.nextInt(1_000_000_000))
        + "."
        + (100_000_000 + RANDOM.nextInt(800_000_000))
        + "."
        + hex(16);
  }
}
