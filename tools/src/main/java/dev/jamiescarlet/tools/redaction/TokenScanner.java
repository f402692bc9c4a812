package dev.jamiescarlet.tools.redaction;

import java.util.List;

/**
 * Replaces self-identifying tokens wherever they stand: Slack, GitHub, GitLab and OpenAI-style
 * keys, AWS access key ids and JWTs. One pass over maximal runs of token characters.
 */
final class TokenScanner {
  private static final List<Prefix> PREFIXES =
      List.of(
          new Prefix("xoxb-", "slack-token", 8, false),
          new Prefix("xoxp-", "slack-token", 8, false),
          new Prefix("xoxa-", "slack-token", 8, false),
          new Prefix("xoxr-", "slack-token", 8, false),
          new Prefix("xoxs-", "slack-token", 8, false),
          new Prefix("xapp-", "slack-token", 8, false),
          new Prefix("github_pat_", "github-token", 20, false),
          new Prefix("ghp_", "github-token", 20, false),
          new Prefix("gho_", "github-token", 20, false),
          new Prefix("ghs_", "github-token", 20, false),
          new Prefix("ghu_", "github-token", 20, false),
          new Prefix("ghr_", "github-token", 20, false),
          new Prefix("glpat-", "gitlab-token", 16, false),
          // Kubernetes names are lower-case, so demanding an upper-case letter spares pods named
          // sk-…
          new Prefix("sk-", "api-key", 20, true));
  private static final int AWS_KEY_LENGTH = 20;
  private static final int MIN_JWT_HEADER = 10;

  private TokenScanner() {}

  /** A token family: its prefix, kind, shortest body and whether the body must be mixed-case. */
  private record Prefix(String prefix, String kind, int minBody, boolean mixedCase) {}

  static String apply(String s, Findings findings) {
    Edits edits = new Edits(s, findings);
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!Chars.token(s.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && Chars.token(s.charAt(end))) {
        end++;
      }
      int jwtEnd = jwtEnd(s, i, end);
      if (jwtEnd > 0) {
        edits.replace(i, jwtEnd, "jwt");
        i = jwtEnd;
        continue;
      }
      String kind = kind(s, i, end);
      if (kind != null) {
        edits.replace(i, end, kind);
      }
      i = end;
    }
    return edits.result();
  }

  private static String kind(String s, int start, int end) {
    for (Prefix p : PREFIXES) {
      if (s.startsWith(p.prefix(), start)
          && end - start - p.prefix().length() >= p.minBody()
          && (!p.mixedCase() || mixedCase(s, start + p.prefix().length(), end))) {
        return p.kind();
      }
    }
    if (end - start == AWS_KEY_LENGTH
        && (s.startsWith("AKIA", start) || s.startsWith("ASIA", start))
        && upperAlnum(s, start, end)) {
      return "aws-key";
    }
    return null;
  }

  // header.payload.signature, each base64url; the header always starts {"  which encodes as eyJ
  private static int jwtEnd(String s, int start, int end) {
    if (!s.startsWith("eyJ", start) || end - start < MIN_JWT_HEADER) {
      return -1;
    }
    int payloadEnd = segmentEnd(s, end);
    if (payloadEnd < 0 || payloadEnd - end < 3) {
      return -1;
    }
    int signatureEnd = segmentEnd(s, payloadEnd);
    return signatureEnd < 0 ? -1 : signatureEnd;
  }

  private static int segmentEnd(String s, int dot) {
    if (dot >= s.length() || s.charAt(dot) != '.') {
      return -1;
    }
    int i = dot + 1;
    while (i < s.length() && Chars.token(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean mixedCase(String s, int start, int end) {
    boolean upper = false;
    boolean digit = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      upper |= c >= 'A' && c <= 'Z';
      digit |= Chars.digit(c);
    }
    return upper && digit;
  }

  private static boolean upperAlnum(String s, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (!(Chars.digit(c) || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }
}
