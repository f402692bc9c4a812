package dev.jamiescarlet.tools.redaction;

import java.util.Base64;

/**
 * Replaces a bare AWS secret access key: exactly 40 base64 characters standing alone, with upper
 * case, lower case and a digit, spread out like random bytes, and not decoding to text. Git SHAs
 * (hex), digests (64 hex), UUIDs and Kubernetes names (dashes, lower case) fail the shape, and
 * base64 of ordinary words fails the decoding test.
 */
final class AwsSecretScanner {
  static final String KIND = "aws-secret";
  private static final int LENGTH = 40;
  // random base64 of 40 characters carries ~4.8 bits per character; words and ids far less
  private static final double MIN_BITS_PER_CHAR = 4.3;
  // random bytes are about 37% printable ASCII; base64 of text decodes to nearly all printable
  private static final double MAX_PRINTABLE = 0.8;

  private AwsSecretScanner() {}

  static String apply(String s, Findings findings) {
    Edits edits = new Edits(s, findings);
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!run(s.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && run(s.charAt(end))) {
        end++;
      }
      if (end - i == LENGTH && standsAlone(s, i, end) && looksRandom(s, i, end)) {
        edits.replace(i, end, KIND);
      }
      i = end;
    }
    return edits.result();
  }

  // the key's alphabet plus the characters that would make it part of a longer token
  private static boolean run(char c) {
    return Chars.alnum(c) || c == '+' || c == '/';
  }

  private static boolean standsAlone(String s, int start, int end) {
    return (start == 0 || !glued(s.charAt(start - 1)))
        && (end == s.length() || !glued(s.charAt(end)));
  }

  // base64 padding, token, path and domain characters join a neighbour into something longer
  private static boolean glued(char c) {
    return c == '=' || c == '_' || c == '-' || c == '.' || c == '%' || c == '[';
  }

  private static boolean looksRandom(String s, int start, int end) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int[] counts = new int[128];
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
      digit |= Chars.digit(c);
      counts[c]++;
    }
    return upper
        && lower
        && digit
        && bits(counts, end - start) >= MIN_BITS_PER_CHAR
        && !text(s, start, end);
  }

  private static double bits(int[] counts, int length) {
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = (double) count / length;
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    return bits;
  }

  private static boolean text(String s, int start, int end) {
    byte[] bytes = Base64.getDecoder().decode(s.substring(start, end));
    int printable = 0;
    for (byte b : bytes) {
      if (b >= 0x20 && b < 0x7f) {
        printable++;
      }
    }
    return printable >= MAX_PRINTABLE * bytes.length;
  }
}
