package dev.jamiescarlet.bot.render;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators biased towards what breaks Slack text: syntax, marks, look-alikes, controls. */
public final class HostileStrings {

  private static final String[] TOKENS = {
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<!subteam^S0OPS>",
    "<@U0BOB>",
    "<#C0SHOP>",
    "<https://evil.example|Grafana>",
    "<javascript:alert(1)|x>",
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

  private static final char[] CHARS = {
    '<', '>', '|', '&', '*', '_', '~', '`', '@', '!', '#', '^', ':', ';', '/', '\\', '"', '\'', '[',
    ']', '(', ')', ' ', '\n', '\r', '\t', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085',
    '\u00a0', '\u00ad', '\u200b', '\u200d', '\u2028', '\u2029', '\u202e', '\u2066', '\ufeff', '＊',
    '＿', '～', '｀', '＞', '＜', '＠', '∗', 'ˍ', '\ud83d', '\ude00', '\ud800', 'é', 'ß', 'a', 'Z', '0',
    '9'
  };

  private HostileStrings() {}

  /** Short strings: tokens, dangerous characters, words and arbitrary text, concatenated. */
  public static Arbitrary<String> any() {
    Arbitrary<String> tokens = Arbitraries.of(TOKENS);
    Arbitrary<String> chars = Arbitraries.chars().with(CHARS).map(String::valueOf);
    Arbitrary<String> words =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(12);
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(
            Tuple.of(3, tokens), Tuple.of(5, chars), Tuple.of(3, words), Tuple.of(1, anything));
    Arbitrary<String> joined = piece.list().ofMaxSize(30).map(l -> String.join("", l));
    return Arbitraries.frequencyOf(Tuple.of(9, joined), Tuple.of(1, Arbitraries.strings().all()));
  }

  /** Mostly short, sometimes thousands of characters (past Slack's limits). */
  public static Arbitrary<String> sized() {
    Arbitrary<String> big =
        Combinators.combine(any(), Arbitraries.integers().between(2, 400))
            .as((s, n) -> s.repeat(n));
    return Arbitraries.frequencyOf(Tuple.of(8, any()), Tuple.of(1, big));
  }

  /** URL-ish strings: real schemes and hosts with hostile parts, plus anything. */
  public static Arbitrary<String> urls() {
    Arbitrary<String> scheme =
        Arbitraries.of(
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
            "//");
    Arbitrary<String> host =
        Arbitraries.of(
            "grafana.example", "evil.example", "a.example:3000", "", "user:pw@x.example");
    return Arbitraries.frequencyOf(
        Tuple.of(
            4, Combinators.combine(scheme, host, any()).as((s, h, rest) -> s + h + "/" + rest)),
        Tuple.of(1, any()));
  }
}
