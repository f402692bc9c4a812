package dev.jamiescarlet.bot.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.jamiescarlet.bot.alerts.AlertButtons;
import dev.jamiescarlet.bot.alerts.AlertControls;
import dev.jamiescarlet.bot.message.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The buttons on alert messages that change the group: silence, unsilence, acknowledge. */
final class AlertActions {
  /** callback_id of the "Silence…" modal. */
  static final String SILENCE_MODAL = "alert_silence";

  static final String DURATION_BLOCK = "silence_duration";
  static final String DURATION_INPUT = "silence_duration_input";
  static final String COMMENT_BLOCK = "silence_comment";
  static final String COMMENT_INPUT = "silence_comment_input";

  private static final Logger log = LoggerFactory.getLogger(AlertActions.class);
  private static final Pattern FIXED =
      Pattern.compile("^" + Pattern.quote(AlertButtons.SILENCE) + "(\\d+[mhd])$");

  private final AlertControls controls;
  private final Work work;
  private final Replier replier;
  private final AgentActions.FirstDelivery deliveries;

  AlertActions(
      AlertControls controls, Work work, Replier replier, AgentActions.FirstDelivery deliveries) {
    this.controls = controls;
    this.work = work;
    this.replier = replier;
    this.deliveries = deliveries;
  }

  void register(App app) {
    app.blockAction(
        FIXED,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          java.util.regex.Matcher m = FIXED.matcher(p.getActions().get(0).getActionId());
          Duration d = m.matches() ? AlertControls.parseDuration(m.group(1)) : Duration.ofHours(1);
          click(p, (controls, c) -> controls.silence(c, d, null));
          return ctx.ack();
        });
    app.blockAction(
        AlertButtons.SILENCE_CUSTOM,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          String channel = p.getChannel() != null ? p.getChannel().getId() : null;
          // a trigger_id lives 3 seconds: the modal opens before anything else
          ClickPlace place =
              new ClickPlace(p.getActions().get(0).getValue(), channel, null, thread(p));
          open(ctx.client(), p.getTriggerId(), modal(place.encode()));
          return ctx.ack();
        });
    app.viewSubmission(
        SILENCE_MODAL,
        (req, ctx) -> {
          ViewSubmissionPayload p = req.getPayload();
          Duration d;
          try {
            d = AlertControls.parseDuration(value(p, DURATION_BLOCK, DURATION_INPUT));
          } catch (IllegalArgumentException e) {
            return ctx.ackWithErrors(Map.of(DURATION_BLOCK, e.getMessage()));
          }
          String comment = value(p, COMMENT_BLOCK, COMMENT_INPUT);
          ClickPlace place = ClickPlace.decode(p.getView().getPrivateMetadata());
          String user = p.getUser().getId();
          if (place != null
              && deliveries.first("view:" + p.getView().getId(), user, place.channel(), null)) {
            AlertControls.Click c =
                new AlertControls.Click(place.id(), user, name(p.getUser()), place.channel());
            work.submit(() -> tell(c, place.thread(), controls.silence(c, d, comment)));
          }
          return ctx.ack();
        });
    app.blockAction(
        AlertButtons.UNSILENCE,
        (req, ctx) -> {
          click(req.getPayload(), AlertControls::unsilence);
          return ctx.ack();
        });
    app.blockAction(
        AlertButtons.ACKNOWLEDGE,
        (req, ctx) -> {
          click(req.getPayload(), AlertControls::acknowledge);
          return ctx.ack();
        });
  }

  /** What a click does; returns what to tell the clicker, or null. */
  private interface Action {
    Message run(AlertControls controls, AlertControls.Click click);
  }

  private void click(BlockActionPayload p, Action action) {
    AlertControls.Click c = click(p);
    if (!deliveries.first("action:" + p.getTriggerId(), c.userId(), c.channel(), null)) {
      return;
    }
    log.info("alert button clicked: {}", p.getActions().get(0).getActionId());
    String thread = thread(p);
    work.submit(() -> tell(c, thread, action.run(controls, c)));
  }

  private void tell(AlertControls.Click c, String thread, Message note) {
    if (note == null || c.channel() == null) {
      return;
    }
    try {
      replier.postEphemeral(c.channel(), c.userId(), thread, note);
    } catch (RuntimeException e) {
      log.warn("could not answer an alert button: {}", e.getMessage());
    }
  }

  private static AlertControls.Click click(BlockActionPayload p) {
    String channel = p.getChannel() != null ? p.getChannel().getId() : null;
    BlockActionPayload.User u = p.getUser();
    String name = u.getName() != null ? u.getName() : u.getUsername();
    return new AlertControls.Click(p.getActions().get(0).getValue(), u.getId(), name, channel);
  }

  private static String name(ViewSubmissionPayload.User u) {
    return u.getName() != null ? u.getName() : u.getUsername();
  }

  private static String thread(BlockActionPayload p) {
    return p.getMessage() == null ? null : p.getMessage().getThreadTs();
  }

  private static View modal(String privateMetadata) {
    List<LayoutBlock> blocks =
        List.of(
            input(
                i ->
                    i.blockId(DURATION_BLOCK)
                        .label(plainText("Duration"))
                        .element(
                            plainTextInput(
                                t ->
                                    t.actionId(DURATION_INPUT)
                                        .placeholder(plainText("30m, 2h or 1d"))))),
            input(
                i ->
                    i.blockId(COMMENT_BLOCK)
                        .optional(true)
                        .label(plainText("Comment"))
                        .element(
                            plainTextInput(
                                t ->
                                    t.actionId(COMMENT_INPUT)
                                        .placeholder(
                                            plainText("e.g. INC-2231: known, fix deploying"))))));
    return View.builder()
        .type("modal")
        .callbackId(SILENCE_MODAL)
        .privateMetadata(privateMetadata)
        .title(ViewTitle.builder().type("plain_text").text("Silence alert").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Silence").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  private static void open(MethodsClient client, String triggerId, View view) {
    try {
      var r = client.viewsOpen(v -> v.triggerId(triggerId).view(view));
      if (!r.isOk()) {
        log.warn("views.open failed: {}", r.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("views.open failed: {}", e.getMessage());
    }
  }

  private static String value(ViewSubmissionPayload p, String blockId, String actionId) {
    if (p.getView() == null || p.getView().getState() == null) {
      return null;
    }
    Map<String, Map<String, ViewState.Value>> values = p.getView().getState().getValues();
    Map<String, ViewState.Value> block = values == null ? null : values.get(blockId);
    ViewState.Value value = block == null ? null : block.get(actionId);
    return value == null ? null : value.getValue();
  }
}
