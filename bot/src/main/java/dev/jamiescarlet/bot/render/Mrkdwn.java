package dev.jamiescarlet.bot.render;

import java.util.Locale;

/** Slack mrkdwn helpers: escaping data, neutralising code fences, truncating to limits. */
public final class Mrkdwn {

  /** Appended where text was cut to fit a Slack limit, so the cut is visible. */
  public static final String ELLIPSIS = "…";

  // A zero-width space between backticks stops ``` in data from closing our code block.
  private static final String FENCE_BREAK = "`\u200B`\u200B`";

  private Mrkdwn() {}

  /** Escapes the three characters Slack treats as control sequences in mrkdwn. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Escapes data for the inside of a ``` block: mrkdwn escaping plus broken-up fences. */
  public static String escapeCode(String text) {
    String out = escape(text);
    // a break ends in a backtick, so a longer run (`````) can leave a fence: repeat until none is
    // left (a second pass at most, as the first leaves runs of at most three backticks)
    while (out.contains("```")) {
      out = out.replace("```", FENCE_BREAK);
    }
    return out;
  }

  /** Cuts {@code text} to at most {@code max} chars, ending with … when cut. */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = max - ELLIPSIS.length();
    // never split a surrogate pair, or Slack gets an unpaired half
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }

  /** A file-name-safe slug, e.g. {@code "Pods · shop"} becomes {@code "pods-shop"}. */
  public static String slug(String text) {
    String slug =
        text == null
            ? ""
            : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-$", "");
    }
    return slug.isEmpty() ? "output" : slug;
  }
}
