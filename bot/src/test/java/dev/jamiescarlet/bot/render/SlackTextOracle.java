package dev.jamiescarlet.bot.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conservative model of what Slack makes of mrkdwn, for the escaping properties: anything in
 * {@code <…>} is a mention or link, {@code & < >} are syntax, {@code * _} format unless inside a
 * word (Slack never formats there), {@code ~ `} and their full-width forms always may, a line
 * starting with {@code &gt;} or {@code ＞} is a quote, and {@code @here}-style words may ping.
 */
public final class SlackTextOracle {

  private static final Pattern SPECIAL_WORD =
      Pattern.compile("(?i)(?<![A-Za-z0-9])@(here|channel|everyone|group)(?![A-Za-z0-9])");

  // what the link builder may produce: one <url> or <url|label>, url scheme-checked
  private static final Pattern LINK =
      Pattern.compile("<((?:https?|mailto):[^\\s|<>]+)(?:\\|([^<>]*))?>", Pattern.CASE_INSENSITIVE);

  private SlackTextOracle() {}

  /** What in mrkdwn showing data could ping, link or format; empty when nothing can. */
  public static List<String> dataProblems(String mrkdwn) {
    List<String> problems = new ArrayList<>(syntaxProblems(mrkdwn));
    for (int i = 0; i < mrkdwn.length(); i++) {
      char c = mrkdwn.charAt(i);
      boolean mark = (c == '*' || c == '_') && !Mrkdwn.inWord(mrkdwn, i);
      if (mark || "~`＊＿～｀".indexOf(c) >= 0) {
        problems.add("formatting mark " + c + " at " + i);
      }
    }
    for (String line : mrkdwn.split("\n", -1)) {
      String lead = line.stripLeading();
      if (lead.startsWith("&gt;") || lead.startsWith("＞")) {
        problems.add("quote line: " + line);
      }
    }
    return problems;
  }

  /**
   * What in mrkdwn that may format (a model's answer) could ping or link other than through the
   * link builder: every {@code <…>} must be a checked http(s)/mailto link.
   */
  public static List<String> formattedProblems(String mrkdwn) {
    Matcher m = LINK.matcher(mrkdwn);
    StringBuilder rest = new StringBuilder();
    int from = 0;
    List<String> problems = new ArrayList<>();
    while (m.find()) {
      String url = m.group(1).replace("&amp;", "&");
      Optional<String> again = Links.url(url);
      if (again.isEmpty() || !again.get().equals(m.group(1))) {
        problems.add("link the builder would not make: " + m.group());
      }
      if (m.group(2) != null) {
        problems.addAll(syntaxProblems(m.group(2)));
      }
      rest.append(mrkdwn, from, m.start()).append(' ');
      from = m.end();
    }
    rest.append(mrkdwn.substring(from));
    problems.addAll(syntaxProblems(rest.toString()));
    return problems;
  }

  /** The inside of a ``` block: no syntax, no fence that could close it. */
  public static List<String> codeProblems(String inner) {
    List<String> problems = new ArrayList<>(syntaxProblems(inner));
    if (inner.contains("```")) {
      problems.add("a fence inside code");
    }
    return problems;
  }

  /** What the link builder made: a checked link with an escaped label, or just escaped text. */
  public static List<String> linkProblems(String built) {
    Matcher m = LINK.matcher(built);
    if (!m.matches()) {
      return dataProblems(built);
    }
    List<String> problems = new ArrayList<>(formattedProblems(built));
    if (m.group(2) != null) {
      problems.addAll(dataProblems(m.group(2)));
    }
    return problems;
  }

  // <, > and bare & are Slack syntax; @here-words may ping; control and bidi characters hide text
  private static List<String> syntaxProblems(String text) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '>') {
        problems.add("control character " + c + " at " + i);
      } else if (c == '&'
          && !(text.startsWith("&amp;", i)
              || text.startsWith("&lt;", i)
              || text.startsWith("&gt;", i))) {
        problems.add("bare & at " + i);
      } else if (Mrkdwn.invisible(c)) {
        problems.add("invisible character U+" + Integer.toHexString(c) + " at " + i);
      }
    }
    Matcher special = SPECIAL_WORD.matcher(text);
    while (special.find()) {
      problems.add("special mention word " + special.group());
    }
    return problems;
  }
}
