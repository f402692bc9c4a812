package dev.jamiescarlet.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import dev.jamiescarlet.bot.alerts.AlertControls;
import dev.jamiescarlet.bot.approvals.ApprovalFlow;
import dev.jamiescarlet.bot.commands.Buttons;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.RenderedMessage;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every Slack entry point: ack first (Slack wants it within 3 s), then do the work on a virtual
 * thread and reply in the thread. Retried deliveries are dropped before any work starts.
 */
public final class SlackHandlers {
  private static final Logger log = LoggerFactory.getLogger(SlackHandlers.class);
  private static final Pattern RUN_BUTTON =
      Pattern.compile("^" + Pattern.quote(Buttons.RUN_PREFIX) + ".*");

  private final Conversation conversation;
  private final Deliveries deliveries;
  private final Work work;
  private final BlockKitRenderer renderer;
  private final AppHome home;
  private final ApprovalFlow approvals;
  private final Replier replier;
  private AlertControls alertControls;

  /** Handlers over a conversation. */
  public SlackHandlers(
      Conversation conversation,
      Deliveries deliveries,
      Work work,
      BlockKitRenderer renderer,
      AppHome home,
      ApprovalFlow approvals,
      Replier replier) {
    this.conversation = conversation;
    this.deliveries = deliveries;
    this.work = work;
    this.renderer = renderer;
    this.home = home;
    this.approvals = approvals;
    this.replier = replier;
  }

  /** Adds the buttons of alert messages (Silence, Unsilence, Acknowledge); call before register. */
  public SlackHandlers alerts(AlertControls controls) {
    this.alertControls = controls;
    return this;
  }

  /** Registers every handler on a Bolt app. */
  public void register(App app, String slashCommand) {
    register(app, slashCommand, List.of());
  }

  /** Registers every handler, with the agents' own slash commands (e.g. /scarlet). */
  public void register(App app, String slashCommand, List<String> agentCommands) {
    app.command(slashCommand, (req, ctx) -> slashCommand(req.getPayload(), ctx));
    for (String command : agentCommands) {
      app.command(
          command,
          (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            if (first("command:" + p.getTriggerId(), p.getUserId(), p.getChannelId(), null)) {
              ReplyTarget target =
                  ReplyTarget.responseUrl(p.getChannelId(), p.getResponseUrl(), p.getUserId());
              String text = p.getText() == null ? "" : p.getText();
              request(target, () -> conversation.agentCommand(command, target, text));
            }
            return ctx.ack();
          });
    }
    new AgentActions(conversation, work, home, replier, this::first).register(app);
    if (alertControls != null) {
      new AlertActions(alertControls, work, replier, this::first).register(app);
    }

    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          AppMentionEvent event = payload.getEvent();
          if (!first(
              "event:" + payload.getEventId(),
              event.getUser(),
              event.getChannel(),
              ctx.getRetryNum())) {
            return ctx.ack();
          }
          String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
          ReplyTarget target = ReplyTarget.thread(event.getChannel(), thread, event.getUser());
          request(target, () -> conversation.reply(target, event.getText()));
          return ctx.ack();
        });

    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          MessageEvent event = payload.getEvent();
          boolean direct = "im".equals(event.getChannelType());
          boolean fromPerson = event.getSubtype() == null && event.getBotId() == null;
          if (!direct || !fromPerson) {
            return ctx.ack();
          }
          if (!first(
              "event:" + payload.getEventId(),
              event.getUser(),
              event.getChannel(),
              ctx.getRetryNum())) {
            return ctx.ack();
          }
          ReplyTarget target =
              ReplyTarget.thread(event.getChannel(), event.getThreadTs(), event.getUser());
          request(target, () -> conversation.reply(target, event.getText()));
          return ctx.ack();
        });

    app.blockAction(
        RUN_BUTTON,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          String user = p.getUser().getId();
          String channel = p.getChannel() != null ? p.getChannel().getId() : null;
          if (!first("action:" + p.getTriggerId(), user, channel, null)) {
            return ctx.ack();
          }
          String command = p.getActions().get(0).getValue();
          log.info("button clicked: {}", p.getActions().get(0).getActionId());
          ReplyTarget target = actionTarget(p, user, channel);
          request(target, () -> conversation.reply(target, command));
          return ctx.ack();
        });

    app.blockAction(
        ApprovalFlow.CONFIRM,
        (req, ctx) -> {
          approvalClick(req.getPayload(), ctx.client(), true);
          return ctx.ack();
        });
    app.blockAction(
        ApprovalFlow.CANCEL,
        (req, ctx) -> {
          approvalClick(req.getPayload(), ctx.client(), false);
          return ctx.ack();
        });

    app.viewSubmission(
        AppHome.REASON_MODAL,
        (req, ctx) -> {
          String user = req.getPayload().getUser().getId();
          String reason = AppHome.submittedReason(req.getPayload());
          if (reason == null || reason.isBlank()) {
            return ctx.ackWithErrors(
                java.util.Map.of(AppHome.REASON_BLOCK, "Say why, for the audit log"));
          }
          ClickPlace place = ClickPlace.decode(req.getPayload().getView().getPrivateMetadata());
          MethodsClient client = ctx.client();
          if (place != null
              && first("view:" + req.getPayload().getView().getId(), user, place.channel(), null)) {
            work.submit(
                () ->
                    show(
                        approvals.confirm(place.id(), user, place.channel(), reason),
                        user,
                        place,
                        client));
          }
          return ctx.ack();
        });

    app.blockAction(
        AppHome.OPEN_COMMAND_ACTION,
        (req, ctx) -> {
          // a trigger_id lives 3 seconds: open the modal before anything slow
          home.openCommandModal(ctx.client(), req.getPayload().getTriggerId());
          return ctx.ack();
        });

    app.viewSubmission(
        AppHome.COMMAND_MODAL,
        (req, ctx) -> {
          String user = req.getPayload().getUser().getId();
          String text = AppHome.submittedCommand(req.getPayload());
          if (text == null || text.isBlank()) {
            return ctx.ackWithErrors(
                java.util.Map.of(AppHome.COMMAND_BLOCK, "Type a command, e.g. pods -n shop"));
          }
          if (first(
              "view:"
                  + req.getPayload().getView().getId()
                  + ":"
                  + req.getPayload().getView().getHash(),
              user,
              null,
              null)) {
            // a DM to the user: posting to a user ID lands in their conversation with the app
            ReplyTarget dm = ReplyTarget.thread(user, null, user);
            request(dm, () -> conversation.reply(dm, text));
          }
          return ctx.ack();
        });

    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent event = payload.getEvent();
          if (!"home".equals(event.getTab())) {
            return ctx.ack();
          }
          if (first("event:" + payload.getEventId(), event.getUser(), null, ctx.getRetryNum())) {
            work.submit(() -> home.publish(ctx.client(), event.getUser()));
          }
          return ctx.ack();
        });
  }

  private Response slashCommand(SlashCommandPayload p, SlashCommandContext ctx) {
    if (!first("command:" + p.getTriggerId(), p.getUserId(), p.getChannelId(), null)) {
      return ctx.ack();
    }
    String text = p.getText() == null ? "" : p.getText();
    if (conversation.runner().instantCommand(text).isPresent()) {
      // answers without I/O ride on the ack itself: no second round trip
      Message answer = conversation.answer(text, p.getUserId(), p.getChannelId());
      RenderedMessage rendered = renderer.render(answer);
      return ctx.ack(
          r ->
              r.responseType(answer.inChannel() ? "in_channel" : "ephemeral")
                  .text(rendered.text())
                  .blocks(rendered.blocks()));
    }
    ReplyTarget target =
        ReplyTarget.responseUrl(p.getChannelId(), p.getResponseUrl(), p.getUserId());
    request(target, () -> conversation.reply(target, text));
    return ctx.ack();
  }

  /**
   * Runs a person's request within their bounds; when it has to wait or is refused, they are told
   * so right away (after the ack), so nothing they asked for disappears without a word.
   */
  private void request(ReplyTarget target, Runnable task) {
    Work.Admission admission = work.submit(target.userId(), task);
    String notice = work.notice(admission);
    if (notice != null) {
      log.info("request {} for {}", admission, target.userId());
      work.submit(() -> conversation.deliver(target, Message.of(notice)));
    }
  }

  /** Confirm or Cancel: decided and run after the ack; the proposal is replaced in place. */
  private void approvalClick(BlockActionPayload p, MethodsClient appClient, boolean confirm) {
    String user = p.getUser().getId();
    String channel = p.getChannel() != null ? p.getChannel().getId() : null;
    if (!first("action:" + p.getTriggerId(), user, channel, null)) {
      return;
    }
    String id = p.getActions().get(0).getValue();
    String thread = p.getMessage() == null ? null : p.getMessage().getThreadTs();
    if (confirm && approvals.needsReason(id, user)) {
      // production: ask why first; a trigger_id lives 3 seconds, so the modal opens now
      ClickPlace place = new ClickPlace(id, channel, p.getResponseUrl(), thread);
      home.openReasonModal(appClient, p.getTriggerId(), approvals.describe(id), place.encode());
      return;
    }
    ClickPlace place = new ClickPlace(id, channel, p.getResponseUrl(), thread);
    work.submit(
        () ->
            show(
                confirm
                    ? approvals.confirm(id, user, channel)
                    : approvals.cancel(id, user, channel),
                user,
                place,
                appClient));
  }

  /** Delivers a click's outcome: replace the proposal, tell the clicker, or both. */
  private void show(ApprovalFlow.Click click, String user, ClickPlace place, MethodsClient client) {
    try {
      if (place.channel() == null) {
        // clicked in App Home: the outcome goes to the DM, and the tab is refreshed
        Message shown = click.replacement() != null ? click.replacement() : click.note();
        replier.post(ReplyTarget.thread(user, null, user), shown);
        home.publish(client, user);
        return;
      }
      if (click.replacement() != null && place.responseUrl() != null) {
        replier.replaceOriginal(place.responseUrl(), place.channel(), click.replacement());
      } else if (click.replacement() != null) {
        replier.post(
            ReplyTarget.thread(place.channel(), place.thread(), user), click.replacement());
      }
      if (click.note() != null) {
        replier.postEphemeral(place.channel(), user, place.thread(), click.note());
      }
    } catch (RuntimeException e) {
      log.error("could not show the outcome of approval {}: {}", place.id(), e.getMessage());
    }
  }

  private static ReplyTarget actionTarget(BlockActionPayload p, String user, String channel) {
    if (p.getMessage() != null && channel != null) {
      String ts =
          p.getMessage().getThreadTs() != null
              ? p.getMessage().getThreadTs()
              : p.getMessage().getTs();
      return ReplyTarget.thread(channel, ts, user);
    }
    if (p.getResponseUrl() != null) {
      return ReplyTarget.responseUrl(channel, p.getResponseUrl(), user);
    }
    return ReplyTarget.thread(user, null, user);
  }

  /** Sets the log context for this request and says whether it is the first delivery. */
  boolean first(String key, String user, String channel, Integer retryNum) {
    MDC.clear();
    MDC.put("request_id", RequestIds.next());
    if (user != null) {
      MDC.put("user", user);
    }
    if (channel != null) {
      MDC.put("channel", channel);
    }
    if (deliveries.first(key)) {
      return true;
    }
    log.info("dropped a repeated delivery of {} (retry {})", key, retryNum);
    return false;
  }
}
