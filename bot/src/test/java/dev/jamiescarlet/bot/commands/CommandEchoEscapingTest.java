package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import org.junit.jupiter.api.Test;

/** Errors that quote what someone typed show it as text: it cannot ping or link. */
class CommandEchoEscapingTest {
  private final FakeCluster cluster = new FakeCluster();
  private final CommandRunner runner = new CommandRunner(Commands.standard());
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  private String rendered(String line) {
    RenderedMessage r = renderer.render(runner.run(line, cluster.context()));
    return renderer.toJson(r);
  }

  @Test
  void aLogsErrorQuotingTheTypedNameCannotPingTheChannel() {
    // given the cluster answers that the typed pod does not exist, quoting its name
    cluster.failWith =
        new KubernetesToolException(
            KubernetesToolException.Kind.NOT_FOUND,
            "pod `<!channel>` not found in namespace `shop`");

    // when a viewer asks for its logs
    String out = rendered("logs <!channel> -n shop");

    // then the reply quotes the name as text, with its code marks
    assertThat(out).doesNotContain("<!channel>").contains("`&lt;!channel&gt;`");
  }

  @Test
  void anUnknownVerbIsEchoedAsText() {
    String out = rendered("<!here> -n shop");
    assertThat(out).doesNotContain("<!here>");
  }

  @Test
  void aUsageErrorQuotingAnOptionCannotLink() {
    String out = rendered("audit --since <https://evil.example|1h>");
    assertThat(out).doesNotContain("<https://evil.example");
  }
}
