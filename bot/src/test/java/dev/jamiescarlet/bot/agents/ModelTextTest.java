package dev.jamiescarlet.bot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelTextTest {
  @Test
  void markdownBecomesMrkdwn() {
    assertThat(ModelText.toMrkdwn("### Cause\n**checkout** fails, see [runbook](https://x.dev/r)"))
        .isEqualTo("*Cause*\n*checkout* fails, see <https://x.dev/r|runbook>");
  }

  @Test
  void aModelCannotPingEveryoneOrForgeLinks() {
    String text = ModelText.toMrkdwn("<!channel> look <javascript:alert(1)|click> a < b");
    assertThat(text).doesNotContain("<!channel>").doesNotContain("<javascript");
    assertThat(text).contains("&lt;!channel>", "a &lt; b");
  }

  @Test
  void userAndChannelMentionsSurviveAndEmptyIsSaid() {
    assertThat(ModelText.toMrkdwn("ask <@U0ADA> in <#C0SHOP>"))
        .isEqualTo("ask <@U0ADA> in <#C0SHOP>");
    assertThat(ModelText.toMrkdwn("  ")).isEqualTo("_(no answer)_");
  }

  @Test
  void longAnswersAreCutToOneSection() {
    assertThat(ModelText.toMrkdwn("x".repeat(5_000))).hasSize(2_900).endsWith("…");
  }
}
