package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for Slack escaping: escaped data has no control characters left and unescapes to
 * what it was; code blocks cannot be closed from inside. Seeds replay in every build.
 */
class MrkdwnFuzzTest {

  @FuzzTest
  void escapeRoundTrips(byte[] input) {
    // given any text
    String text = new String(input, StandardCharsets.UTF_8);

    // when escaped
    String out = Mrkdwn.escape(text);

    // then Slack sees no control sequence, every & starts an entity, and nothing was lost
    assertThat(out).doesNotContain("<", ">");
    assertThat(out.replace("&amp;", "").replace("&lt;", "").replace("&gt;", ""))
        .doesNotContain("&");
    assertThat(unescape(out)).isEqualTo(text);
  }

  @FuzzTest
  void escapeCodeKeepsTheBlockClosed(byte[] input) {
    // given any text for the inside of a ``` block
    String text = new String(input, StandardCharsets.UTF_8);

    // when escaped for code
    String out = Mrkdwn.escapeCode(text);

    // then no fence and no control sequence remains, and removing the breaks gives the text back
    assertThat(out).doesNotContain("```", "<", ">");
    if (text.indexOf('\u200B') < 0) {
      assertThat(unescape(out.replace("\u200B", ""))).isEqualTo(text);
    }
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

  @Test
  void aRunOfFiveBackticksCannotCloseTheBlock() {
    // found by escapeCodeKeepsTheBlockClosed: a break after the first three left "```" behind
    assertThat(Mrkdwn.escapeCode("`````")).doesNotContain("```");
    assertThat(Mrkdwn.escapeCode("a```b")).isEqualTo("a`\u200B`\u200B`b");
  }

  /** The inverse of mrkdwn escaping, one entity at a time. */
  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("&amp;", i)) {
        out.append('&');
        i += 5;
      } else if (s.startsWith("&lt;", i)) {
        out.append('<');
        i += 4;
      } else if (s.startsWith("&gt;", i)) {
        out.append('>');
        i += 4;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }
}
