package dev.jamiescarlet.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.ButtonElement;
import java.util.HashSet;
import java.util.Set;

/** Asserts rendered output stays inside Slack's documented limits. */
public final class SlackLimits {

  private SlackLimits() {}

  public static void assertWithin(RenderedMessage message) {
    assertThat(message.text()).hasSizeLessThanOrEqualTo(300);
    assertThat(message.blocks()).hasSizeLessThanOrEqualTo(50);
    Set<String> ids = new HashSet<>();
    for (LayoutBlock block : message.blocks()) {
      assertThat(ids.add(block.getBlockId())).as("unique block_id %s", block.getBlockId()).isTrue();
      assertThat(block.getBlockId()).isNotBlank().hasSizeLessThanOrEqualTo(255);
      switch (block) {
        case SectionBlock s -> {
          if (s.getText() != null) {
            assertThat(s.getText().getText()).isNotEmpty().hasSizeLessThanOrEqualTo(3000);
          }
          if (s.getFields() != null) {
            assertThat(s.getFields()).hasSizeLessThanOrEqualTo(10);
            for (TextObject field : s.getFields()) {
              assertThat(text(field)).hasSizeLessThanOrEqualTo(2000);
            }
          }
          if (s.getAccessory() instanceof ButtonElement button) {
            assertButton(button);
          }
        }
        case HeaderBlock h -> assertThat(h.getText().getText()).hasSizeLessThanOrEqualTo(150);
        case ActionsBlock a -> {
          assertThat(a.getElements()).hasSizeLessThanOrEqualTo(25);
          a.getElements().forEach(e -> assertButton((ButtonElement) e));
        }
        case ContextBlock c -> assertThat(c.getElements()).hasSizeLessThanOrEqualTo(10);
        default -> {}
      }
    }
  }

  private static void assertButton(ButtonElement button) {
    assertThat(button.getText().getText()).hasSizeLessThanOrEqualTo(75);
    assertThat(button.getActionId()).hasSizeLessThanOrEqualTo(255);
    if (button.getValue() != null) {
      assertThat(button.getValue()).hasSizeLessThanOrEqualTo(2000);
    }
  }

  private static String text(TextObject object) {
    return switch (object) {
      case com.slack.api.model.block.composition.MarkdownTextObject m -> m.getText();
      case com.slack.api.model.block.composition.PlainTextObject p -> p.getText();
      default -> "";
    };
  }
}
