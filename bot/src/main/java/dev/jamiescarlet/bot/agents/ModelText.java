package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.bot.render.Mrkdwn;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's Markdown as Slack mrkdwn: models write {@code **bold**}, {@code [text](url)} and {@code
 * ### headings}; Slack wants {@code *bold*}, {@code <url|text>} and has no headings. Model output
 * is untrusted: it is escaped (no pings, no raw links) and its links go through {@link Links}.
 */
final class ModelText {
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]+)]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");
  private static final int MAX = 2_900;

  private ModelText() {}

  /** The text as mrkdwn, cut to fit one section block. */
  static String toMrkdwn(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "_(no answer)_";
    }
    String text = markdown.strip();
    // cut before converting, so a cut never splits an entity or a built link
    text = text.length() > MAX ? text.substring(0, MAX - 1) + "…" : text;
    StringBuilder out = new StringBuilder(text.length() + 32);
    Matcher link = LINK.matcher(text);
    int from = 0;
    while (link.find()) {
      out.append(prose(text.substring(from, link.start())));
      out.append(Links.link(link.group(2), link.group(1)));
      from = link.end();
    }
    out.append(prose(text.substring(from)));
    return out.toString();
  }

  // bold and headings stay formatting; <, > and & never reach Slack as syntax
  private static String prose(String text) {
    String escaped = Mrkdwn.escapeFormatted(text);
    escaped = HEADING.matcher(escaped).replaceAll("*$1*");
    return BOLD.matcher(escaped).replaceAll("*$1*");
  }
}
