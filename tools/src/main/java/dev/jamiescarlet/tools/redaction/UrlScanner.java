package dev.jamiescarlet.tools.redaction;

import java.util.List;

/**
 * Replaces the password in {@code scheme://user:password@host} (database, broker and HTTP URLs
 * alike) and the secret path of Slack webhook URLs, keeping scheme, user and host for context.
 */
final class UrlScanner {
  private static final String SEPARATOR = "://";
  private static final List<String> SLACK_HOOKS =
      List.of(
          "hooks.slack.com/services/", "hooks.slack.com/workflows/", "hooks.slack.com/triggers/");

  private UrlScanner() {}

  static String apply(String s, Findings findings) {
    int at = s.indexOf(SEPARATOR);
    if (at < 0) {
      return s;
    }
    Edits edits = new Edits(s, findings);
    while (at >= 0) {
      int from = at + SEPARATOR.length();
      int next = webhook(s, from, edits);
      if (next < 0) {
        next = userInfo(s, from, edits);
      }
      // the authority scan stops at a slash, which may be the middle of the next URL's "://" (as in
      // a://x@h-b://u:p@h): search on from the character before it, or that URL keeps its password
      at = s.indexOf(SEPARATOR, Math.max(next - 1, from));
    }
    return edits.result();
  }

  private static int webhook(String s, int from, Edits edits) {
    for (String hook : SLACK_HOOKS) {
      if (s.startsWith(hook, from)) {
        int start = from + hook.length();
        int end = start;
        while (end < s.length() && (Chars.token(s.charAt(end)) || s.charAt(end) == '/')) {
          end++;
        }
        if (end > start) {
          edits.replace(start, end, "slack-webhook");
        }
        return end;
      }
    }
    return -1;
  }

  // the authority ends at the first path, query or quoting character; the last @ in it ends
  // userinfo
  private static int userInfo(String s, int from, Edits edits) {
    int colon = -1;
    int lastAt = -1;
    int i = from;
    while (i < s.length() && !endsAuthority(s.charAt(i))) {
      char c = s.charAt(i);
      if (c == ':' && colon < 0) {
        colon = i;
      } else if (c == '@') {
        lastAt = i;
      }
      i++;
    }
    if (lastAt > 0 && colon >= 0 && colon + 1 < lastAt && !Findings.isMarker(s, colon + 1)) {
      edits.replace(colon + 1, lastAt, "password");
    }
    return i;
  }

  private static boolean endsAuthority(char c) {
    return Character.isWhitespace(c)
        || c == '/'
        || c == '"'
        || c == '\''
        || c == '`'
        || c == '<'
        || c == '>'
        || c == '\\'
        || c == '?'
        || c == '#'
        || c == ',';
  }
}
