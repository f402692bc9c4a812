package dev.jamiescarlet.bot.render;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one escaping policy for text that reaches Slack: data shows as written and can never ping,
 * link or format; links and mentions are built only by {@link Links}.
 */
public final class Mrkdwn {

  /** Appended where text was cut to fit a Slack limit, so the cut is visible. */
  public static final String ELLIPSIS = "…";

  // A zero-width space between backticks stops ``` in data from closing our code block.
  private static final char FENCE_BREAK = '\u200B';

  // Slack quotes a line that starts with > (sent as &gt;) or ＞; an invisible soft hyphen stops it.
  private static final char QUOTE_BREAK = '\u00AD';

  // Slack parses these after @ into special mentions when a text object is not verbatim.
  private static final Pattern SPECIAL_WORD =
      Pattern.compile("(?i)(here|channel|everyone|group)(?![A-Za-z0-9])");

  private Mrkdwn() {}

  /**
   * Escapes data for mrkdwn so it shows as written: {@code & < >} become entities (so no mention or
   * link), and {@code * _ ~ `} (and their full-width forms) become look-alikes unless they sit
   * inside a word, where Slack never formats ({@code kube_pod_info} stays copyable); a line
   * starting with {@code >} is not a quote and {@code @here}-style words do not ping.
   */
  public static String escape(String text) {
    return escape(text, true);
  }

  /**
   * Escapes text that is meant to use mrkdwn formatting (a model's answer): bold, italics and code
   * stay, but nothing in it can ping, link or inject an entity.
   */
  public static String escapeFormatted(String text) {
    return escape(text, false);
  }

  /**
   * Text for a {@code plain_text} object (headers, buttons) or a file title: Slack never parses
   * those for mentions, links or formatting, so only control and bidi characters are dropped.
   */
  public static String plainText(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!invisible(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Escapes data for the inside of a ``` block: entities plus broken-up fences. */
  public static String escapeCode(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append(specialMentionFollows(text, i) ? '＠' : '@');
        case '`' -> {
          // a zero-width space between backticks: no run of three can close our block
          if (!out.isEmpty() && out.charAt(out.length() - 1) == '`') {
            out.append(FENCE_BREAK);
          }
          out.append('`');
        }
        default -> {
          if (!invisible(c)) {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Data as inline code, {@code `like this`}: formatting marks are inert inside a code span, so
   * they stay as written (PromQL, label values copy exactly); backticks become look-alikes so the
   * span cannot close early, and nothing inside can ping or link.
   */
  public static String code(String text) {
    String inner = escapeCode(text == null ? "" : text).replace(FENCE_BREAK + "`", "`");
    inner = inner.replace('`', 'ˋ').replace('\n', ' ').replace('\t', ' ');
    return "`" + (inner.isBlank() ? " " : inner) + "`";
  }

  private static String escape(String text, boolean data) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (lineBreak(c)) {
        c = '\n';
      }
      if (invisible(c)) {
        continue;
      }
      if (data && lineStart && quoteFollows(text, i)) {
        out.append(QUOTE_BREAK);
      }
      lineStart = c == '\n';
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append(specialMentionFollows(text, i) ? '＠' : '@');
        case '*' -> out.append(!data || inWord(text, i) ? '*' : '∗');
        case '_' -> out.append(!data || inWord(text, i) ? '_' : 'ˍ');
        case '~' -> out.append(data ? '∼' : '~');
        case '`' -> out.append(data ? 'ˋ' : '`');
        case '＊' -> out.append('﹡');
        case '＿' -> out.append('ˍ');
        case '～' -> out.append('∼');
        case '｀' -> out.append('ˋ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Mrkdwn (or plain text) as one plain line for a notification: links show their label, mentions
   * their name, formatting marks are dropped; then escaped and cut to {@code max}.
   */
  public static String fallback(String text, int max) {
    String plain = plain(text).replaceAll("\\s+", " ").strip();
    int keep = max;
    String escaped = escape(truncate(plain, keep));
    // entities make the escaped text longer: cut the plain text until it fits
    while (escaped.length() > max && keep > 1) {
      keep = Math.max(1, keep - (escaped.length() - max));
      escaped = escape(truncate(plain, keep));
    }
    return escaped;
  }

  /** What mrkdwn reads as: labels for links and mentions, entities decoded, marks dropped. */
  public static String plain(String markdown) {
    if (markdown == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(markdown.length());
    int close = -1;
    for (int i = 0; i < markdown.length(); i++) {
      char c = markdown.charAt(i);
      if (c != '<') {
        sb.append(c);
        continue;
      }
      // scans stay linear: the next > is remembered, the next < is where the loop goes anyway
      close = close > i ? close : markdown.indexOf('>', i + 1);
      int open = markdown.indexOf('<', i + 1);
      if (close < 0 || (open >= 0 && open < close)) {
        sb.append(c);
        continue;
      }
      // <target> or <target|label>: links, mentions and dates read as their label
      sb.append(shown(markdown.substring(i + 1, close)));
      i = close;
    }
    String text = sb.toString().replace("```", " ");
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean mark = c == '*' || c == '_' || c == '~';
      if (c == '`' || (mark && !inWord(text, i))) {
        continue;
      }
      out.append(c);
    }
    return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String shown(String control) {
    int bar = control.indexOf('|');
    String target = bar < 0 ? control : control.substring(0, bar);
    String label = bar < 0 ? null : control.substring(bar + 1);
    if (label != null && !label.isBlank()) {
      return label;
    }
    if (target.startsWith("!subteam^")) {
      return "@" + target.substring("!subteam^".length());
    }
    return target.startsWith("!") ? "@" + target.substring(1) : target;
  }

  /** Cuts {@code text} to at most {@code max} chars, ending with … when cut. */
  public static String truncate(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = Math.max(0, max - ELLIPSIS.length());
    // never split a surrogate pair, or Slack gets an unpaired half
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    // never split an entity (&amp; cut to &am shows as a stray &)
    int amp = text.lastIndexOf('&', end - 1);
    int semi = amp < 0 ? -1 : text.indexOf(';', amp);
    if (amp >= 0 && end - amp < 5 && (semi < 0 || semi >= end)) {
      end = amp;
    }
    // nor turn a harmless "@everyonex" into "@everyone…", which reads as a special mention
    int at = text.lastIndexOf('@', end - 1);
    if (at >= 0
        && (at == 0 || !word(text.charAt(at - 1)))
        && SPECIAL_WORD.matcher(text).region(at + 1, end).matches()) {
      end = at;
    }
    // nor leave a formatting mark hanging before the …
    while (end > 0 && (text.charAt(end - 1) == '*' || text.charAt(end - 1) == '_')) {
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

  /** Both neighbours are ASCII letters or digits: Slack does not format inside a word. */
  static boolean inWord(String text, int i) {
    return i > 0 && i < text.length() - 1 && word(text.charAt(i - 1)) && word(text.charAt(i + 1));
  }

  static boolean word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  // control characters and bidi overrides: they break messages or make text read backwards
  static boolean invisible(char c) {
    return (c < 0x20 && c != '\n' && c != '\t')
        || (c >= 0x7F && c <= 0x9F && c != 0x85)
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static boolean quoteFollows(String text, int i) {
    int j = i;
    while (j < text.length() && !lineBreak(text.charAt(j))) {
      char c = text.charAt(j);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !invisible(c)) {
        break;
      }
      j++;
    }
    return j < text.length() && (text.charAt(j) == '>' || text.charAt(j) == '＞');
  }

  private static boolean lineBreak(char c) {
    return c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085';
  }

  private static boolean specialMentionFollows(String text, int i) {
    return (i == 0 || !word(text.charAt(i - 1)))
        && SPECIAL_WORD.matcher(text).region(i + 1, text.length()).lookingAt();
  }
}
