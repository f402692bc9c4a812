package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.model.block.SectionBlock;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Slack's limits hold for any message, and nothing is dropped without a visible note. */
class BlockKitRendererLimitsTest {

  private final BlockKitRenderer renderer = new BlockKitRenderer();

  @Test
  void randomMessagesStayWithinSlackLimits() {
    // given
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      Message message = randomMessage(random);

      // when
      RenderedMessage rendered = renderer.render(message);

      // then
      SlackLimits.assertWithin(rendered);
    }
  }

  @Test
  void longSectionIsSplitAtLineBreaksNotCut() {
    // given
    String line = "x".repeat(99) + "\n";
    Message message = Message.of(line.repeat(70));

    // when
    RenderedMessage rendered = renderer.render(message);

    // then
    assertThat(rendered.blocks()).hasSize(3);
    String joined =
        rendered.blocks().stream()
            .map(b -> ((SectionBlock) b).getText().getText())
            .reduce("", (a, b) -> a + "\n" + b);
    assertThat(joined.replace("\n", "")).hasSize(99 * 70);
  }

  @Test
  void fieldsAndContextAreSplitIntoMoreBlocks() {
    // given
    List<Block.Field> fields = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      fields.add(new Block.Field("label " + i, "value " + i));
    }
    String[] lines = new String[12];
    java.util.Arrays.fill(lines, "note");
    Message message = Message.builder("t").fields(fields).context(lines).build();

    // when
    RenderedMessage rendered = renderer.render(message);

    // then
    assertThat(rendered.blocks())
        .extracting(b -> b.getBlockId())
        .containsExactly("fields-0", "fields-1", "fields-2", "context-3", "context-4");
  }

  @Test
  void anOversizeMarkdownReportGoesUpAsAMarkdownFile() {
    String report = "# Scarlet's report\n\n" + "- evidence line\n".repeat(400);

    RenderedMessage rendered =
        renderer.render(Message.builder("t").code("report.md", report).build());

    assertThat(rendered.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.filename()).isEqualTo("report.md");
              assertThat(f.content()).isEqualTo(report);
            });
  }

  @Test
  void oversizeCodeKeepsEveryByteInTheFile() {
    // given
    String code = "a very long line ".repeat(1000);
    Message message = Message.builder("t").code(null, code).build();

    // when
    RenderedMessage rendered = renderer.render(message);

    // then
    assertThat(rendered.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.content()).isEqualTo(code);
              assertThat(f.filename()).isEqualTo("output.txt");
            });
    String shown = ((SectionBlock) rendered.blocks().get(0)).getText().getText();
    assertThat(shown)
        .hasSizeLessThanOrEqualTo(2900)
        .contains("…")
        .endsWith("a very long line\n```");
  }

  @Test
  void tooLongActionIdFailsWithTheFix() {
    // given
    Message message =
        Message.builder("t").actions(List.of(Block.Button.of("Go", "a".repeat(256), "v"))).build();

    // when / then
    assertThatThrownBy(() -> renderer.render(message))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Slack allows 255");
  }

  @Test
  void textAndHeaderAreTruncatedWithAnEllipsis() {
    // given
    Message message = Message.builder("n".repeat(400)).header("h".repeat(200)).build();

    // when
    RenderedMessage rendered = renderer.render(message);

    // then
    assertThat(rendered.text()).hasSize(300).endsWith("…");
    assertThat(renderer.toJson(rendered)).contains("h".repeat(149) + "…\"");
  }

  @Test
  void emptyMessageFallsBackToItsText() {
    // given
    Message message = new Message("just text", List.of(), true);

    // when
    RenderedMessage rendered = renderer.render(message);

    // then
    assertThat(rendered.blocks()).singleElement().isInstanceOf(SectionBlock.class);
  }

  @Test
  void mrkdwnHelpers() {
    assertThat(Mrkdwn.escape("a<b>&c")).isEqualTo("a&lt;b&gt;&amp;c");
    assertThat(Mrkdwn.escapeCode("```")).doesNotContain("```");
    assertThat(Mrkdwn.slug("Pods · shop")).isEqualTo("pods-shop");
    assertThat(Mrkdwn.slug("!!!")).isEqualTo("output");
    assertThat(Mrkdwn.truncate(null, 5)).isEmpty();
    assertThat(new FileNames().next("x", "txt")).isEqualTo("x.txt");
  }

  private static Message randomMessage(Random random) {
    Message.Builder builder = Message.builder(text(random, 500));
    int blocks = random.nextInt(40);
    for (int i = 0; i < blocks; i++) {
      switch (random.nextInt(8)) {
        case 0 -> builder.header(text(random, 300));
        case 1 ->
            builder.section(
                text(random, 7000), Block.Button.of(text(random, 100), "act", text(random, 100)));
        case 2 -> builder.fields(List.of(new Block.Field(text(random, 50), text(random, 2500))));
        case 3 -> builder.table(List.of("A", "B"), rows(random));
        case 4 -> builder.code(random.nextBoolean() ? null : text(random, 300), text(random, 9000));
        case 5 -> builder.actions(List.of(Block.Button.of(text(random, 100), "a", "v")));
        case 6 -> builder.context(text(random, 4000), text(random, 10));
        default -> builder.divider();
      }
    }
    return builder.build();
  }

  private static List<List<String>> rows(Random random) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = random.nextInt(200); i > 0; i--) {
      rows.add(List.of(text(random, 80), text(random, 80)));
    }
    return rows;
  }

  private static String text(Random random, int max) {
    String alphabet = "abc <>&`\n:red_circle: 🔴";
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(max) + 1; i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
