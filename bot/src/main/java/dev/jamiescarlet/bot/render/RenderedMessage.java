package dev.jamiescarlet.bot.render;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message in Block Kit form, ready for the Web API.
 *
 * @param text the notification fallback, at most {@link BlockKitRenderer#MAX_FALLBACK_TEXT} chars
 * @param blocks the Block Kit blocks, at most {@link BlockKitRenderer#MAX_BLOCKS}
 * @param files content moved out of the message because it did not fit, to upload beside it
 */
public record RenderedMessage(String text, List<LayoutBlock> blocks, List<FileUpload> files) {

  /** Copies. */
  public RenderedMessage {
    Objects.requireNonNull(text, "text");
    blocks = List.copyOf(blocks);
    files = List.copyOf(files);
  }
}
