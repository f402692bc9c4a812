package dev.jamiescarlet.bot.render;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.List;

/** App Home tabs and modals: views, built from rendered messages plus the inputs views add. */
public final class Views {
  /** Slack's limit on blocks in a Home tab or modal. */
  public static final int MAX_VIEW_BLOCKS = 100;

  private Views() {}

  /** A Home tab showing a rendered message. */
  public static View home(RenderedMessage body) {
    return View.builder().type("home").blocks(cap(body.blocks())).build();
  }

  /**
   * A modal with one single-line text input.
   *
   * @param callbackId identifies the submission handler
   * @param title the modal's title (Slack allows 24 characters)
   * @param blockId the input block's id, read back on submission
   * @param actionId the input element's action_id
   * @param label the input's label
   * @param placeholder grey hint text inside the input
   */
  public static View textInputModal(
      String callbackId,
      String title,
      String blockId,
      String actionId,
      String label,
      String placeholder) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        input(
            i ->
                i.blockId(blockId)
                    .label(plainText(label))
                    .element(
                        plainTextInput(
                            p -> p.actionId(actionId).placeholder(plainText(placeholder))))));
    return View.builder()
        .type("modal")
        .callbackId(callbackId)
        .title(ViewTitle.builder().type("plain_text").text(cut(title, 24)).build())
        .submit(ViewSubmit.builder().type("plain_text").text("Run").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  /**
   * A modal asking why, before a production change runs.
   *
   * @param callbackId identifies the submission handler
   * @param what the change, shown above the input
   * @param privateMetadata what the submission needs back (approval id, channel, response_url)
   */
  public static View reasonModal(
      String callbackId, String blockId, String actionId, String what, String privateMetadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        com.slack.api.model.block.Blocks.section(
            s ->
                s.text(
                    com.slack.api.model.block.composition.BlockCompositions.markdownText(
                        "*"
                            + Mrkdwn.escape(what)
                            + "*\nThis is a production change: say why, for the audit log."))));
    blocks.add(
        input(
            i ->
                i.blockId(blockId)
                    .label(plainText("Reason"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(actionId)
                                    .multiline(true)
                                    .placeholder(
                                        plainText(
                                            "e.g. INC-2231: checkout pods wedged after the DB failover"))))));
    return View.builder()
        .type("modal")
        .callbackId(callbackId)
        .privateMetadata(privateMetadata)
        .title(ViewTitle.builder().type("plain_text").text("Confirm the change").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Confirm").build())
        .close(ViewClose.builder().type("plain_text").text("Back").build())
        .blocks(blocks)
        .build();
  }

  /** "Not helpful": an optional reason, kept as a candidate eval case. */
  public static View feedbackModal(
      String callbackId, String blockId, String actionId, String privateMetadata) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        com.slack.api.model.block.Blocks.section(
            s ->
                s.text(
                    com.slack.api.model.block.composition.BlockCompositions.markdownText(
                        "Thanks — noted as *not helpful*. What was wrong? (optional; it becomes a"
                            + " test case for the agents)"))));
    blocks.add(
        input(
            i ->
                i.blockId(blockId)
                    .optional(true)
                    .label(plainText("What went wrong"))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(actionId)
                                    .multiline(true)
                                    .placeholder(
                                        plainText(
                                            "e.g. it blamed the database, but the pod was OOMKilled"))))));
    return View.builder()
        .type("modal")
        .callbackId(callbackId)
        .privateMetadata(privateMetadata)
        .title(ViewTitle.builder().type("plain_text").text("Not helpful").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Send").build())
        .close(ViewClose.builder().type("plain_text").text("Skip").build())
        .blocks(blocks)
        .build();
  }

  private static List<LayoutBlock> cap(List<LayoutBlock> blocks) {
    return blocks.size() <= MAX_VIEW_BLOCKS ? blocks : blocks.subList(0, MAX_VIEW_BLOCKS);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
