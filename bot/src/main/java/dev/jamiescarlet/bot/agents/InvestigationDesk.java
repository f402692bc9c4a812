package dev.jamiescarlet.bot.agents;

import dev.jamiescarlet.agents.runtime.AgentOutcome;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.Asker;
import dev.jamiescarlet.agents.runtime.Investigations;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.slack.Replier;
import dev.jamiescarlet.bot.slack.ReplyTarget;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts investigations from Slack ({@code /scarlet investigate …}, "@scarlet …", the Investigate
 * button) and says so; the investigation itself shows up as a status message in the thread.
 */
public final class InvestigationDesk {
  private static final Logger log = LoggerFactory.getLogger(InvestigationDesk.class);

  private final Investigations investigations;
  private final Replier replier;
  private final Function<String, Set<String>> groupsOf;

  /** A desk over the investigations, replying through {@code replier}. */
  public InvestigationDesk(
      Investigations investigations, Replier replier, Function<String, Set<String>> groupsOf) {
    this.investigations = investigations;
    this.replier = replier;
    this.groupsOf = groupsOf;
  }

  /** The investigating agent. */
  public AgentRuntime agent() {
    return investigations.agent();
  }

  /** "investigate why X" → "why X": the verb is optional. */
  public static String question(String text) {
    String t = text == null ? "" : text.strip();
    if (t.toLowerCase(Locale.ROOT).startsWith("investigate")) {
      t = t.substring("investigate".length()).strip();
    }
    return t.replaceFirst("^[,:;-]+\\s*", "");
  }

  /** Starts one for the person in the context; replies in the target when it cannot. */
  public void investigate(ReplyTarget target, String question, CommandContext ctx) {
    String name = agent().display();
    if (question.isBlank()) {
      reply(
          target,
          Message.builder("What should " + name + " investigate?")
              .section(
                  "What should I investigate? For example `/scarlet investigate why is catalog"
                      + " restarting in shop`.")
              .build());
      return;
    }
    // a slash command has no thread: the status message starts one in the channel
    String thread = target.responseUrl() != null ? null : target.threadTs();
    Set<String> groups;
    try {
      groups = groupsOf.apply(ctx.userId());
    } catch (RuntimeException e) {
      groups = Set.of();
    }
    Asker asker =
        new Asker(ctx.userId(), ctx.channelId(), thread, "platform", ctx.defaultCluster(), groups);
    Investigations.Started started;
    try {
      started = investigations.start(asker, question);
    } catch (RuntimeException e) {
      log.error("could not start an investigation: {}", e.getMessage());
      reply(
          target,
          Message.builder("Could not start the investigation")
              .section(
                  ":warning: I couldn't start the investigation: my task store is unavailable."
                      + " Operators: the bot's log says why (check MONGODB_URI).")
              .build());
      return;
    }
    switch (started.refusal()) {
      case null -> {
        log.info("investigation {} started", started.id());
        if (target.responseUrl() != null) {
          reply(
              target,
              Message.builder(name + " is on it")
                  .section(name + " is on it: follow the status message in this channel.")
                  .ephemeral()
                  .build());
        }
      }
      case AgentOutcome.NoModel n ->
          reply(
              target,
              Message.builder(name + " needs a language model")
                  .section(
                      name
                          + " needs a language model to investigate, and "
                          + (n.configured()
                              ? "none is answering right now."
                              : "none is configured.")
                          + " Without one I can still run `diagnose -n NAMESPACE`, `logs NAME"
                          + " --previous` and `events --warnings`.")
                  .build());
      case AgentOutcome.Refused r -> reply(target, AgentReplies.refused(r));
      default -> reply(target, Message.of(name + " could not start."));
    }
  }

  private void reply(ReplyTarget target, Message message) {
    try {
      replier.post(target, message);
    } catch (RuntimeException e) {
      log.error("could not reply about an investigation: {}", e.getMessage());
    }
  }
}
