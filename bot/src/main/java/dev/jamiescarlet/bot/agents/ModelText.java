package dev.jamiescarlet.bot.agents;

import java.util.regex.Pattern;

/**
 * A model's Markdown as Slack mrkdwn: models write {@code **bold**}, {@code [text](url)} and {@code
 * ### headings}; Slack wants {@code *bold*}, {@code <url|text>} and has no headings.
 */
final class ModelText {
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\((https?://[^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");
  private static final Pattern CONTROL = Pattern.compile("<(?![@#]|https?://)");
  private static final int MAX = 2_900;

  private ModelText() {}

  /** The text as mrkdwn, cut to fit one section block. */
  static String toMrkdwn(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "_(no answer)_";
    }
    // a model must not ping @channel/@here/groups (<!…>) or forge links through stray brackets
    String text = CONTROL.matcher(markdown.strip()).replaceAll("&lt;");
    text = HEADING.matcher(text).replaceAll("*$1*");
    text = BOLD.matcher(text).replaceAll("*$1*");
    text = LINK.matcher(text).replaceAll("<$2|$1>");
    return text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
  }
}
