package dev.jamiescarlet.bot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import dev.jamiescarlet.bot.agents.AgentDesk;
import dev.jamiescarlet.bot.agents.AgentReplies;
import dev.jamiescarlet.bot.agents.InvestigationDesk;
import dev.jamiescarlet.bot.commands.Buttons;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The agents' buttons: Helpful / Not helpful (with its optional reason) and Investigate. */
final class AgentActions {
  private static final Logger log = LoggerFactory.getLogger(AgentActions.class);

  /** Says whether a delivery is the first of its key, setting the log context. */
  interface FirstDelivery {
    boolean first(String key, String user, String channel, Integer retryNum);
  }

  private final Conversation conversation;
  private final Work work;
  private final AppHome home;
  private final Replier replier;
  private final FirstDelivery deliveries;

  AgentActions(
      Conversation conversation,
      Work work,
      AppHome home,
      Replier replier,
      FirstDelivery deliveries) {
    this.conversation = conversation;
    this.work = work;
    this.home = home;
    this.replier = replier;
    this.deliveries = deliveries;
  }

  void register(App app) {
    app.blockAction(
        AgentReplies.HELPFUL,
        (req, ctx) -> {
          vote(req.getPayload(), true);
          return ctx.ack();
        });
    app.blockAction(
        AgentReplies.UNHELPFUL,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          // a trigger_id lives 3 seconds: the modal opens before the vote is stored
          home.openFeedbackModal(ctx.client(), p.getTriggerId(), p.getActions().get(0).getValue());
          vote(p, false);
          return ctx.ack();
        });
    app.viewSubmission(
        AppHome.FEEDBACK_MODAL,
        (req, ctx) -> {
          String user = req.getPayload().getUser().getId();
          String answerId = req.getPayload().getView().getPrivateMetadata();
          String reason = AppHome.submittedFeedback(req.getPayload());
          AgentDesk desk = conversation.agentDesk();
          if (desk != null
              && reason != null
              && !reason.isBlank()
              && deliveries.first("view:" + req.getPayload().getView().getId(), user, null, null)) {
            work.submit(() -> desk.feedback().reason(answerId, user, reason));
          }
          return ctx.ack();
        });
    app.blockAction(
        java.util.regex.Pattern.compile(
            "^" + java.util.regex.Pattern.quote(Buttons.INVESTIGATE) + "(#\\d+)?$"),
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          String user = p.getUser().getId();
          String channel = p.getChannel() != null ? p.getChannel().getId() : null;
          if (deliveries.first("action:" + p.getTriggerId(), user, channel, null)) {
            String question = p.getActions().get(0).getValue();
            ReplyTarget target = threadOf(p, user, channel);
            // an investigation is the longest request there is: it counts against the person's
            // bound
            String notice = work.notice(work.submit(user, () -> investigate(target, question)));
            if (notice != null) {
              work.submit(() -> conversation.deliver(target, Message.of(notice)));
            }
          }
          return ctx.ack();
        });
  }

  private void investigate(ReplyTarget target, String question) {
    AgentDesk desk = conversation.agentDesk();
    InvestigationDesk investigations = desk == null ? null : desk.investigations();
    if (investigations == null) {
      conversation.deliver(
          target, Message.of("No agent here investigates: Scarlet is not configured on this bot."));
      return;
    }
    CommandContext context = conversation.contextOrRefuse(target);
    if (context != null) {
      investigations.investigate(target, question, context);
    }
  }

  private void vote(BlockActionPayload p, boolean helpful) {
    String user = p.getUser().getId();
    String channel = p.getChannel() != null ? p.getChannel().getId() : null;
    if (!deliveries.first("action:" + p.getTriggerId(), user, channel, null)) {
      return;
    }
    String answerId = p.getActions().get(0).getValue();
    String thread = p.getMessage() == null ? null : p.getMessage().getThreadTs();
    work.submit(
        () -> {
          AgentDesk desk = conversation.agentDesk();
          boolean stored = desk != null && desk.feedback().rate(answerId, user, helpful);
          log.info(
              "feedback on answer {}: {} ({})",
              answerId,
              helpful ? "helpful" : "not helpful",
              stored ? "stored" : "not stored");
          if (helpful && channel != null) {
            try {
              replier.postEphemeral(
                  channel,
                  user,
                  thread,
                  Message.of(
                      stored
                          ? "Thanks — noted as helpful."
                          : "Thanks, but I couldn't store that just now (my database is unavailable)."));
            } catch (RuntimeException e) {
              log.warn("could not thank for feedback: {}", e.getMessage());
            }
          }
        });
  }

  private static ReplyTarget threadOf(BlockActionPayload p, String user, String channel) {
    if (p.getMessage() != null && channel != null) {
      String ts =
          p.getMessage().getThreadTs() != null
              ? p.getMessage().getThreadTs()
              : p.getMessage().getTs();
      return ReplyTarget.thread(channel, ts, user);
    }
    return ReplyTarget.thread(user, null, user);
  }
}
