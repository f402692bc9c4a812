package dev.jamiescarlet.bot.render;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators biased towards what breaks Slack text: syntax, marks, look-alikes, controls.
 */
public final class HostileStrings {

  private static final String[] TOKENS = {
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<!subteam^S0OPS>",
    "<!subteam^S0OPS|@ops>",
    "<@U0BOB>",
    "<@W0BOB|bob>",
    "<#C0SHOP>",
    "<#C0SHOP|shop>",
    "<https://evil.example|Grafana>",
    "<javascript:alert(1)|x>",
    "<mailto:a@b.example|mail>",
    "@here",
    "@channel",
    "@Everyone",
    "&lt;",
    "&gt;",
    "&amp;",
    "&lt;!channel&gt;",
    "```",
    "*bold*",
    "_it_",
    "~s~",
    "`c`",
    "> quote",
    "\n> quote",
    "＞ quote",
    "https://",
    "http://a.example/x?y=1&z=2",
    "javascript:",
    "data:text/html,",
    "mailto:a@b.example",
    "|",
    "||",
    "<<",
    ">>",
    "&",
    "&#60;",
    ":white_check_mark:",
    "kube_pod_info",
    "*/5 * * * *",
    "<!date^0^{date}|x>",
    "\u200B*\u200B",
    "a*b*c",
    "_x_y_"
  };

  // dangerous marks, their full-width look-alikes, controls, bidi overrides, lone surrogates
  private static final char[] CHARS = {
    '<', '>', '|', '&', '*', '_', '~', '`', '@', '!', '#', '^', ':', ';', '/', '\\', '"', '\'', '[',
    ']', '(', ')', ' ', '\n', '\r', '\t', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085',
    '\u009b', '\u00a0', '\u00ad', '\u200b', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029',
    '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
    '\ufeff', '＊', '＿', '～', '｀', '＞', '＜', '＠', '∗', 'ˍ', '\ud83d', '\ude00', '\ud800', 'é', 'ß',
    'a', 'Z', '0', '9'
  };

  private static final String[] MENTION_FORMS = {"<@U", "<@W", "<#C", "<#G", "<!subteam^S"};

  private static final String[] SCHEMES = {
    "https://",
    "http://",
    "HTTPS://",
    "javascript:",
    "JavaScript:",
    "data:",
    "mailto:",
    "ftp://",
    "",
    " https://",
    "https:",
    "//"
  };

  private static final String[] HOSTS = {
    "grafana.example", "evil.example", "a.example:3000", "", "user:pw@x.example"
  };

  private HostileStrings() {}

  /** Fixed inputs every string property checks first: empty, each token, each character. */
  public static List<String> edgeCases() {
    List<String> cases = new ArrayList<>(List.of("", " ", "\n", "a"));
    cases.addAll(List.of(TOKENS));
    for (char c : CHARS) {
      cases.add(String.valueOf(c));
    }
    return cases;
  }

  /** Edge cases plus strings past Slack's limits (3,000 per section, 40,000 per message). */
  public static List<String> sizedEdgeCases() {
    List<String> cases = new ArrayList<>(edgeCases());
    cases.add("<".repeat(3_001));
    cases.add("<!channel>".repeat(4_001));
    cases.add("*".repeat(40_001));
    cases.add("a".repeat(2_999) + "<!here>");
    return cases;
  }

  /** Short strings: tokens, dangerous characters, mentions, words and arbitrary text, joined. */
  public static String any(SplittableRandom r) {
    if (r.nextInt(10) == 0) {
      return arbitrary(r, 255);
    }
    int pieces = size(r, 30);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      int pick = r.nextInt(13);
      if (pick < 3) {
        out.append(TOKENS[r.nextInt(TOKENS.length)]);
      } else if (pick < 8) {
        out.append(CHARS[r.nextInt(CHARS.length)]);
      } else if (pick < 11) {
        out.append(word(r));
      } else if (pick < 12) {
        out.append(mention(r));
      } else {
        out.append(arbitrary(r, 12));
      }
    }
    return out.toString();
  }

  /** Mostly short, sometimes thousands of characters (past Slack's limits). */
  public static String sized(SplittableRandom r) {
    String s = any(r);
    return r.nextInt(9) == 0 ? s.repeat(r.nextInt(2, 401)) : s;
  }

  /** URL-ish strings: real and hostile schemes and hosts with hostile parts, plus anything. */
  public static String urls(SplittableRandom r) {
    if (r.nextInt(5) == 0) {
      return any(r);
    }
    return SCHEMES[r.nextInt(SCHEMES.length)] + HOSTS[r.nextInt(HOSTS.length)] + "/" + any(r);
  }

  /** Either null (one time in five) or what the generator gives. */
  public static String orNull(SplittableRandom r, String value) {
    return r.nextInt(5) == 0 ? null : value;
  }

  /** Any UTF-16 units at all, lone surrogates and noncharacters included. */
  public static String arbitrary(SplittableRandom r, int maxLength) {
    int length = size(r, maxLength);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) r.nextInt(0x1_0000));
    }
    return out.toString();
  }

  /** A size up to max, small ones more often (most bugs show on short inputs). */
  public static int size(SplittableRandom r, int max) {
    return r.nextBoolean() ? r.nextInt(Math.min(max, 4) + 1) : r.nextInt(max + 1);
  }

  private static String word(SplittableRandom r) {
    int length = r.nextInt(1, 9);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) r.nextInt('a', 'z' + 1));
    }
    return out.toString();
  }

  // <@U…>, <#C…>, <!subteam^S…>, sometimes with a label, sometimes malformed
  private static String mention(SplittableRandom r) {
    StringBuilder out = new StringBuilder(MENTION_FORMS[r.nextInt(MENTION_FORMS.length)]);
    int length = r.nextInt(0, 12);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    if (r.nextInt(3) == 0) {
      out.append('|').append(r.nextBoolean() ? "@here" : word(r));
    }
    return r.nextInt(8) == 0 ? out.toString() : out.append('>').toString();
  }
}
