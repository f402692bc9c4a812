package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.render.Mrkdwn;
import java.time.Duration;

/** Small text helpers the verbs share, kubectl-style. */
public final class Format {
  private Format() {}

  /** An age like kubectl prints: 45s, 12m, 3h, 5d. */
  public static String age(Duration age) {
    if (age == null) {
      return "?";
    }
    long s = Math.max(0, age.toSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 7200) {
      return (s / 60) + "m";
    }
    if (s < 172_800) {
      return (s / 3600) + "h";
    }
    return (s / 86_400) + "d";
  }

  /** Cuts text to {@code max} characters with an ellipsis. */
  public static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
  }

  /** "where" for context lines: cluster and namespace. */
  public static String where(String cluster, String namespace) {
    String ns = namespace == null ? "all namespaces" : "namespace " + Mrkdwn.code(namespace);
    return "cluster " + Mrkdwn.code(cluster) + " · " + ns;
  }
}
