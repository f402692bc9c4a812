package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the one escaping and link policy, judged by {@link SlackTextOracle}: escaped
 * data cannot ping, link or format; code blocks cannot be closed from inside; the link builder
 * makes only checked links. Seeds replay in every build.
 */
class MrkdwnFuzzTest {

  @FuzzTest
  void escapeLeavesNothingToPingLinkOrFormat(byte[] input) {
    // given any text
    String text = new String(input, StandardCharsets.UTF_8);

    // when escaped as data, or as text that may keep its bold and code (a model's answer)
    String data = Mrkdwn.escape(text);
    String formatted = Mrkdwn.escapeFormatted(text);

    // then Slack finds nothing in it that the bot did not ask for
    assertThat(SlackTextOracle.dataProblems(data)).isEmpty();
    assertThat(SlackTextOracle.formattedProblems(formatted)).isEmpty();
  }

  @FuzzTest
  void escapeCodeKeepsTheBlockClosed(byte[] input) {
    // given any text for the inside of a ``` block
    String text = new String(input, StandardCharsets.UTF_8);

    // when escaped for code
    String out = Mrkdwn.escapeCode(text);

    // then no fence and no control sequence remains
    assertThat(SlackTextOracle.codeProblems(out)).isEmpty();
    // and cutting it to any limit stays within the limit without splitting a surrogate pair
    int max = 1 + Math.floorMod(text.hashCode(), out.length() + 2);
    String cut = Mrkdwn.truncate(out, max);
    assertThat(cut.length()).isLessThanOrEqualTo(max);
    if (cut.length() < out.length()) {
      String kept = cut.substring(0, cut.length() - Mrkdwn.ELLIPSIS.length());
      assertThat(out).startsWith(kept);
      assertThat(kept.isEmpty() || !Character.isHighSurrogate(kept.charAt(kept.length() - 1)))
          .isTrue();
    }
  }

  @FuzzTest
  void linksAreCheckedWhateverTheUrlAndLabel(FuzzedDataProvider data) {
    // given any URL and label
    String url = data.consumeString(200);
    String label = data.consumeRemainingAsString();

    // when a link is built from them
    String built = Links.link(url, label);

    // then it is a scheme-checked link with an escaped label, or just the escaped label
    assertThat(SlackTextOracle.linkProblems(built)).isEmpty();
  }

  @Test
  void aRunOfFiveBackticksCannotCloseTheBlock() {
    // found by escapeCodeKeepsTheBlockClosed: a break after the first three left "```" behind
    assertThat(Mrkdwn.escapeCode("`````")).doesNotContain("```");
    assertThat(Mrkdwn.escapeCode("a```b")).doesNotContain("```").startsWith("a").endsWith("b");
  }
}
