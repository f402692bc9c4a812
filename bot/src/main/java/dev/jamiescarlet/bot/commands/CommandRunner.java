package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns a line of text into a reply: parse, find the verb, run it, and turn every failure into a
 * short message a person can act on. Knows nothing of Slack.
 */
public final class CommandRunner {
  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
  private static final int PLAIN_ENGLISH_WORDS = 3;

  private final Commands commands;

  /** A runner over the given commands. */
  public CommandRunner(Commands commands) {
    this.commands = commands;
  }

  /** The commands it runs. */
  public Commands commands() {
    return commands;
  }

  /** The command a line of text would run, if its verb is known and it answers instantly. */
  public Optional<Command> instantCommand(String text) {
    List<String> tokens = tokensOrEmpty(text);
    String verb = tokens.isEmpty() ? "help" : CommandLine.verbOf(tokens);
    return commands.find(verb).filter(Command::instant);
  }

  /** Runs a line of text as the given user in the given place; never throws. */
  public Message run(String text, CommandContext context) {
    List<String> tokens;
    try {
      tokens = CommandLine.tokenize(CommandLine.normalise(text));
    } catch (UsageException e) {
      return usageError(e);
    }
    String verb = tokens.isEmpty() ? "help" : CommandLine.verbOf(tokens);
    Optional<Command> command = commands.find(verb);
    if (command.isEmpty()) {
      return unknownVerb(verb, tokens);
    }
    MDC.put("command", verb);
    Invocation invocation = null;
    try {
      invocation =
          CommandLine.parse(
              command.get().syntax(), tokens.isEmpty() ? List.of(verb) : tokens, context);
      Message reply = command.get().run(invocation);
      log.info("command ran");
      return reply;
    } catch (UsageException e) {
      log.info("command rejected: {}", e.getMessage());
      return usageError(e);
    } catch (KubernetesToolException e) {
      log.warn("kubernetes call failed ({}): {}", e.kind(), e.getMessage());
      if (e.kind() == KubernetesToolException.Kind.NOT_FOUND && invocation != null) {
        Message offer = NameSuggestions.offer(e.getMessage(), invocation, tokens);
        if (offer != null) {
          return offer;
        }
      }
      return Replies.error(e.getMessage(), hint(e.kind()));
    } catch (RuntimeException e) {
      String requestId = MDC.get("request_id");
      log.error("command `{}` failed unexpectedly", verb, e);
      return Replies.error(
          "Something went wrong running `" + verb + "`. That's on me, not you.",
          "Request id `" + requestId + "` — operators will find the details in the bot's log.");
    } finally {
      MDC.remove("command");
    }
  }

  private Message unknownVerb(String verb, List<String> tokens) {
    Optional<String> closest = commands.closest(verb);
    if (closest.isPresent()) {
      String usage = commands.find(closest.get()).orElseThrow().syntax().usage();
      return Replies.error(
          "I don't know `" + verb + "`. Did you mean `" + closest.get() + "`?",
          "Usage: `" + usage + "` · `help` lists everything");
    }
    if (tokens.size() >= PLAIN_ENGLISH_WORDS) {
      return Replies.error(
          "I can only run commands for now: no language model is configured, so I won't guess"
              + " at plain English.",
          "Try `pods -n shop`, `events --warnings` or `help`.");
    }
    return Replies.error("I don't know `" + verb + "`.", "`help` lists what I can do.");
  }

  private static Message usageError(UsageException e) {
    return Replies.error(
        e.getMessage(),
        e.usage() == null ? "`help` lists what I can do." : "Usage: `" + e.usage() + "`");
  }

  private static String hint(KubernetesToolException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND ->
          "Check the name and namespace (`-n`); `pods` or `deployments` list what exists.";
      case FORBIDDEN ->
          "Kubernetes RBAC said no; ask a cluster admin for the permission named above.";
      case UNAUTHORIZED ->
          "The bot's credentials for this cluster were rejected; tell an operator.";
      case TIMEOUT, UNREACHABLE -> "Try again in a minute; `clusters` shows what I can reach.";
      case UNKNOWN_CLUSTER -> "`clusters` lists the clusters I know.";
      case INVALID_REQUEST, OTHER -> "`help` lists what I can do.";
    };
  }

  private static List<String> tokensOrEmpty(String text) {
    try {
      return CommandLine.tokenize(CommandLine.normalise(text));
    } catch (UsageException e) {
      return List.of("?");
    }
  }
}
