package dev.jamiescarlet.bot.sandbox.webapi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SlackError;
import org.junit.jupiter.api.Test;

class BlockLimitsTest {

  private static ArrayNode sections(int n, int textLength) {
    ArrayNode blocks = Json.array();
    for (int i = 0; i < n; i++) {
      var b = blocks.addObject();
      b.put("type", "section");
      b.putObject("text").put("type", "mrkdwn").put("text", "x".repeat(textLength));
    }
    return blocks;
  }

  @Test
  void givenFiftyBlocks_whenChecked_thenAccepted() {
    assertThatCode(() -> BlockLimits.checkMessage("hi", sections(50, 3000)))
        .doesNotThrowAnyException();
  }

  @Test
  void givenFiftyOneBlocks_whenChecked_thenInvalidBlocks() {
    assertThatThrownBy(() -> BlockLimits.checkMessage("hi", sections(51, 10)))
        .isInstanceOf(SlackError.class)
        .hasMessage("invalid_blocks");
  }

  @Test
  void givenLongSectionText_whenChecked_thenInvalidBlocksPointsAtIt() {
    assertThatThrownBy(() -> BlockLimits.checkMessage("hi", sections(1, 3001)))
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((SlackError) e).details())
                    .anyMatch(d -> d.contains("/blocks/0/text/text")));
  }

  @Test
  void givenHugeText_whenChecked_thenMsgTooLong() {
    assertThatThrownBy(() -> BlockLimits.checkMessage("x".repeat(40_001), null))
        .hasMessage("msg_too_long");
  }

  @Test
  void givenLongButtonText_whenChecked_thenInvalidBlocks() {
    var blocks =
        Json.parse(
            "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"a\",\"text\":{\"type\":\"plain_text\",\"text\":\""
                + "y".repeat(76)
                + "\"}}]},{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"ok\"}}]");
    assertThatThrownBy(() -> BlockLimits.checkBlocks(blocks, 50)).hasMessage("invalid_blocks");
    assertThatThrownBy(() -> BlockLimits.checkBlocks(Json.object(), 50))
        .hasMessage("invalid_blocks_format");
  }
}
