package dev.jamiescarlet.tools.http;

import java.util.Locale;

/**
 * URLs as they may be shown (health details, {@code status} in Slack, logs): every {@code
 * scheme://} URL in a text loses its userinfo ({@code user:password@}) and the values of
 * secret-looking query or fragment parameters ({@code token=}, {@code password=}, {@code sig=}…),
 * e.g. {@code mongodb://u:p@h/db?password=x} → {@code mongodb://h/db?password=REDACTED}.
 */
public final class SafeUrls {
  /** What a secret parameter's value becomes. */
  public static final String MASK = "REDACTED";

  private static final String SEPARATOR = "://";

  // substrings of parameter names whose values are credentials
  private static final String[] SECRET_KEYS = {
    "pass", "pwd", "secret", "token", "key", "auth", "sig", "cred", "session", "code", "jwt"
  };

  private SafeUrls() {}

  /**
   * {@code text} with every URL in it made safe to show (one URL or free text alike, URLs nested in
   * a query included); null stays null. Two linear passes, so hostile input cannot make it slow.
   */
  public static String strip(String text) {
    if (text == null || !text.contains(SEPARATOR)) {
      return text;
    }
    return maskParameters(dropUserinfo(text));
  }

  /** Every authority loses what comes before its last {@code @}: a user name can be a token. */
  private static String dropUserinfo(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int at = text.indexOf(SEPARATOR);
    while (at >= 0) {
      int authority = at + SEPARATOR.length();
      int end = authority;
      int lastAt = -1;
      while (end < text.length() && !endsAuthority(text.charAt(end))) {
        if (text.charAt(end) == '@') {
          lastAt = end;
        }
        end++;
      }
      if (lastAt >= 0) {
        out.append(text, copied, authority);
        copied = lastAt + 1;
      }
      // the authority's last character may be the ':' of the next separator (http://http://)
      at = text.indexOf(SEPARATOR, Math.max(end - 1, authority));
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** In every URL, {@code name=value} after {@code ? & ; #} loses a secret-looking value. */
  private static String maskParameters(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int at = text.indexOf(SEPARATOR);
    while (at >= 0) {
      int end = urlEnd(text, at + SEPARATOR.length());
      int i = at;
      while (i < end) {
        if ("?&;#".indexOf(text.charAt(i)) < 0) {
          i++;
          continue;
        }
        int name = i + 1;
        int eq = name;
        while (eq < end && "=?&;#".indexOf(text.charAt(eq)) < 0) {
          eq++;
        }
        if (eq < end
            && text.charAt(eq) == '='
            && eq > name
            && secretKey(text.substring(name, eq))) {
          int value = eq + 1;
          int valueEnd = value;
          while (valueEnd < end && "&;#".indexOf(text.charAt(valueEnd)) < 0) {
            valueEnd++;
          }
          if (valueEnd > value) {
            out.append(text, copied, value).append(MASK);
            copied = valueEnd;
          }
          i = valueEnd;
        } else {
          i = eq;
        }
      }
      at = text.indexOf(SEPARATOR, end);
    }
    return out.append(text, copied, text.length()).toString();
  }

  private static boolean secretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    for (String s : SECRET_KEYS) {
      if (k.contains(s)) {
        return true;
      }
    }
    return false;
  }

  // RFC 3986 allows ' ( ) in userinfo unencoded, so they do not end it; [ starts an IPv6 host
  private static boolean endsAuthority(char c) {
    return Character.isWhitespace(c) || "/?#[]\"`<>|{}\\".indexOf(c) >= 0;
  }

  /**
   * Where a URL that starts before {@code from} ends: at whitespace, a quoting or Slack link
   * character, or a {@code )} it did not open (so {@code (see http://h/q?x=f(1))} keeps {@code
   * f(1)}).
   */
  private static int urlEnd(String text, int from) {
    int depth = 0;
    int i = from;
    for (; i < text.length() && !endsUrl(text.charAt(i)); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth-- == 0) {
        break;
      }
    }
    return i;
  }

  // characters that end a URL quoted in text: whitespace and quoting or Slack link characters
  private static boolean endsUrl(char c) {
    return Character.isWhitespace(c) || "\"'`<>|{}\\".indexOf(c) >= 0;
  }
}
