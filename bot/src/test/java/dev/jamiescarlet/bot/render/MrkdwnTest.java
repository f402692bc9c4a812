package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrkdwnTest {

  @Test
  void syntaxBecomesEntitiesAndSpecialWordsCannotPing() {
    assertThat(Mrkdwn.escape("<!channel> a & b")).isEqualTo("&lt;!channel&gt; a &amp; b");
    assertThat(Mrkdwn.escape("@here @Channel @everyone x@here me@here.example"))
        .isEqualTo("＠here ＠Channel ＠everyone x@here me@here.example");
  }

  @Test
  void marksBecomeLookAlikesExceptInsideAWord() {
    assertThat(Mrkdwn.escape("*bold* _it_ ~s~ `c`")).isEqualTo("∗bold∗ ˍitˍ ∼s∼ ˋcˋ");
    assertThat(Mrkdwn.escape("kube_pod_info a*b")).isEqualTo("kube_pod_info a*b");
    assertThat(Mrkdwn.escape("＊x＊ ＿y＿ ～z～ ｀w｀")).isEqualTo("﹡x﹡ ˍyˍ ∼z∼ ˋwˋ");
  }

  @Test
  void aLineStartingWithGreaterThanIsNotAQuote() {
    assertThat(Mrkdwn.escape("> quoted\n  ＞ too")).isEqualTo("\u00AD&gt; quoted\n\u00AD  ＞ too");
    assertThat(Mrkdwn.escape("a > b")).isEqualTo("a &gt; b");
  }

  @Test
  void controlAndBidiCharactersAreDropped() {
    assertThat(Mrkdwn.escape("a\u0000b\u202ec\u2066d\r\ne")).isEqualTo("abcd\ne");
    assertThat(Mrkdwn.escape(null)).isEmpty();
  }

  @Test
  void formattedTextKeepsItsMarksButNotItsSyntax() {
    assertThat(Mrkdwn.escapeFormatted("*bold* `code` <!here> @here > q"))
        .isEqualTo("*bold* `code` &lt;!here&gt; ＠here &gt; q");
  }

  @Test
  void codeCannotCloseItsBlockWhateverTheRunOfBackticks() {
    assertThat(Mrkdwn.escapeCode("a ``` b ````` c")).doesNotContain("``");
    assertThat(Mrkdwn.escapeCode("<@U1> & x")).isEqualTo("&lt;@U1&gt; &amp; x");
    assertThat(Mrkdwn.code("sum(rate(x{pod=~\"a.*\"}[5m])) `y`"))
        .isEqualTo("`sum(rate(x{pod=~\"a.*\"}[5m])) ˋyˋ`");
    assertThat(Mrkdwn.code("")).isEqualTo("` `");
  }

  @Test
  void theFallbackReadsMrkdwnAsTextEscapedAndShort() {
    assertThat(
            Mrkdwn.fallback("*Pods* in `shop`: <@U0ADA|ada> see <https://x.example|Grafana>", 300))
        .isEqualTo("Pods in shop: ada see Grafana");
    assertThat(Mrkdwn.fallback("<!channel> <!subteam^S1> &lt;b&gt;", 300))
        .isEqualTo("＠channel @S1 &lt;b&gt;");
    assertThat(Mrkdwn.fallback("&".repeat(400), 300)).hasSizeLessThanOrEqualTo(300).endsWith("…");
  }

  @Test
  void truncationNeverSplitsAnEntityOrLeavesAMarkHanging() {
    assertThat(Mrkdwn.truncate("ab &amp; cd", 7)).isEqualTo("ab …");
    assertThat(Mrkdwn.truncate("abcd_efgh", 6)).isEqualTo("abcd…");
    assertThat(Mrkdwn.truncate("short", 10)).isEqualTo("short");
    // the cut must not leave a special word behind: "@everyonexyz" is text, "@everyone…" pings
    assertThat(Mrkdwn.truncate("hi @everyonexyz", 13)).isEqualTo("hi …");
    assertThat(Mrkdwn.truncate("hi x@everyonexyz", 14)).isEqualTo("hi x@everyone…");
  }
}
