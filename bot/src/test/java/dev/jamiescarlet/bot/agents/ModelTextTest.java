package dev.jamiescarlet.bot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.RenderedMessage;
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
    assertThat(text).contains("&lt;!channel&gt;", "a &lt; b");
  }

  @Test
  void modelOutputWithHereCannotPingOrLinkButKeepsItsFormatting() {
    // given an answer that tries @here, a user ping, a disguised link and a script link
    String answer =
        "<!here> @here *checkout* is down, ask <@U0ADA> or see <https://evil.example|Grafana>,"
            + " [docs](javascript:alert(1)) and `kubectl get pods`";

    // when it becomes Slack text
    String text = ModelText.toMrkdwn(answer);

    // then nothing pings or links, and bold and code stay
    assertThat(text)
        .doesNotContain("<!here>", "@here", "<@U0ADA>", "<https://evil", "<javascript")
        .contains("&lt;!here&gt;", "＠here", "*checkout*", "`kubectl get pods`", "docs");
  }

  @Test
  void aStreamedAnswerWithHereDoesNotPingFromTheNotification() {
    RenderedMessage r =
        new BlockKitRenderer()
            .render(AgentReplies.streaming("Scarlet", "<!here> checkout is down", "reading logs"));
    assertThat(r.text()).doesNotContain("<", "@here");
    assertThat(new BlockKitRenderer().blocksJson(r.blocks())).doesNotContain("<!here>");
  }

  @Test
  void userAndChannelMentionsFromAModelAreShownNotSent() {
    assertThat(ModelText.toMrkdwn("ask <@U0ADA> in <#C0SHOP>"))
        .isEqualTo("ask &lt;@U0ADA&gt; in &lt;#C0SHOP&gt;");
    assertThat(ModelText.toMrkdwn("  ")).isEqualTo("_(no answer)_");
  }

  @Test
  void longAnswersAreCutToOneSection() {
    assertThat(ModelText.toMrkdwn("x".repeat(5_000))).hasSize(2_900).endsWith("…");
  }
}
