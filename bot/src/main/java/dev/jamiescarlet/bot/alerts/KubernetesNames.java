package dev.jamiescarlet.bot.alerts;

/**
 * Kubernetes object names as the API server accepts them (RFC 1123): what an alert label must be
 * before it goes into a command line, so a label value can never add an option or a second word.
 */
final class KubernetesNames {
  /** A DNS label's longest form, e.g. a namespace. */
  static final int MAX_LABEL = 63;

  /** A DNS subdomain's longest form, e.g. a pod. */
  static final int MAX_SUBDOMAIN = 253;

  private KubernetesNames() {}

  /** A namespace: lower-case letters, digits and '-', starting and ending alphanumeric, ≤ 63. */
  static boolean isLabel(String s) {
    return s != null && !s.isEmpty() && s.length() <= MAX_LABEL && labelChars(s, 0, s.length());
  }

  /** A pod (or other object) name: dot-separated labels, ≤ 253 characters in all. */
  static boolean isSubdomain(String s) {
    if (s == null || s.isEmpty() || s.length() > MAX_SUBDOMAIN) {
      return false;
    }
    int start = 0;
    for (int dot; (dot = s.indexOf('.', start)) >= 0; start = dot + 1) {
      if (dot - start > MAX_LABEL || !labelChars(s, start, dot)) {
        return false;
      }
    }
    return s.length() - start <= MAX_LABEL && labelChars(s, start, s.length());
  }

  // hand-written rather than a regex: no backtracking on hostile input
  private static boolean labelChars(String s, int from, int to) {
    if (to <= from || !alnum(s.charAt(from)) || !alnum(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!alnum(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
