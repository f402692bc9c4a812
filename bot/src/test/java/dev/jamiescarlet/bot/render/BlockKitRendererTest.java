package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the Block Kit JSON of representative messages with golden files. */
class BlockKitRendererTest {

  private final BlockKitRenderer renderer = new BlockKitRenderer();

  static Stream<Arguments> samples() {
    return Stream.of(
        sample("pods-table", SampleMessages::podsTable),
        sample("describe", SampleMessages::describe),
        sample("logs-stack-trace", SampleMessages::logsWithStackTrace),
        sample("help", SampleMessages::help),
        sample("error", SampleMessages::error),
        sample("huge-table", SampleMessages::hugeTable),
        sample("long-logs", SampleMessages::longLogs),
        sample("wide-table", SampleMessages::wideTable),
        sample("too-many-blocks", SampleMessages::tooManyBlocks));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void rendersAsTheGoldenFileSays(String name, Supplier<Message> sample) {
    // given
    Message message = sample.get();

    // when
    RenderedMessage rendered = renderer.render(message);

    // then
    SlackLimits.assertWithin(rendered);
    Golden.assertMatches(name, renderer.toJson(rendered));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void blocksJsonIsWhatTheSdkSends(String name, Supplier<Message> sample) {
    // given
    RenderedMessage rendered = renderer.render(sample.get());

    // when
    String json = renderer.blocksJson(rendered.blocks());

    // then
    assertThat(json).startsWith("[{").contains("\"block_id\"").doesNotContain("blockId");
  }

  private static Arguments sample(String name, Supplier<Message> message) {
    return Arguments.of(name, message);
  }
}
