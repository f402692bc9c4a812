package dev.jamiescarlet.bot.commands;

import com.mongodb.MongoException;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.embeddings.EmbeddingModelException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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

  private static final int MAX_SUGGESTIONS = 3;

  /** The verb tag of lines whose verb is not a command (never the typed word: it is unbounded). */
  static final String UNKNOWN = "unknown";

  private final Commands commands;
  private final PlainEnglish plainEnglish;
  private final BooleanSupplier agentAvailable;
  private final Telemetry telemetry;

  /**
   * Where a line goes: a reply the runner made, or an open question for an agent (with the
   * deterministic reply to give when no agent can answer after all).
   */
  public sealed interface Routing {
    /** The runner's own reply. */
    record Reply(Message message) implements Routing {}

    /**
     * Not a command nor a confident route: an agent should answer; {@code fallback} computes the
     * deterministic reply (only when no agent can), so nothing runs unless it is needed.
     */
    record Open(String line, Supplier<Message> fallback) implements Routing {}
  }

  /** A runner over the given commands that does not guess at plain English. */
  public CommandRunner(Commands commands) {
    this(commands, null);
  }

  /** A runner that hands lines which are not commands to {@code plainEnglish} (may be null). */
  public CommandRunner(Commands commands, PlainEnglish plainEnglish) {
    this(commands, plainEnglish, () -> false);
  }

  /**
   * A runner that also hands open questions to an agent while {@code agentAvailable} says one can
   * answer (a model is configured).
   */
  public CommandRunner(
      Commands commands, PlainEnglish plainEnglish, BooleanSupplier agentAvailable) {
    this(commands, plainEnglish, agentAvailable, Telemetry.noop());
  }

  /**
   * As above, counting commands by verb and outcome ({@code jamie.commands}) and tracing each run
   * as a {@code command VERB} span.
   */
  public CommandRunner(
      Commands commands,
      PlainEnglish plainEnglish,
      BooleanSupplier agentAvailable,
      Telemetry telemetry) {
    this.commands = commands;
    this.plainEnglish = plainEnglish;
    this.agentAvailable = agentAvailable;
    this.telemetry = telemetry;
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
    return switch (route(text, context)) {
      case Routing.Reply reply -> reply.message();
      case Routing.Open open -> open.fallback().get();
    };
  }

  /**
   * Runs a command, or says the line is an open question for an agent: one that no command or
   * confident route answers, or that asks for an explanation ("why is checkout crashing?") while an
   * agent can give one. Never throws.
   */
  public Routing route(String text, CommandContext context) {
    String line = CommandLine.normalise(text);
    Optional<Command> freeText = freeTextCommand(line);
    if (freeText.isPresent()) {
      return new Routing.Reply(execute(freeText.get(), List.of(), line, context));
    }
    List<String> tokens;
    try {
      tokens = CommandLine.tokenize(line);
    } catch (UsageException e) {
      // "what's broken?" has an unclosed quote as a command, but is fine English
      return plainEnglish != null || agentAvailable.getAsBoolean()
          ? open(line, context)
          : new Routing.Reply(usageError(e));
    }
    String verb = tokens.isEmpty() ? "help" : CommandLine.verbOf(tokens);
    Optional<Command> command = commands.find(verb);
    if (command.isEmpty()) {
      // a mistyped verb ("podz -n shop") is a typo to point out, not English to interpret
      if ((plainEnglish != null || agentAvailable.getAsBoolean())
          && tokens.size() > 1
          && commands.closest(verb).isEmpty()) {
        return open(line, context);
      }
      count(UNKNOWN, "unknown_verb");
      return new Routing.Reply(unknownVerb(verb, tokens));
    }
    return new Routing.Reply(
        execute(command.get(), tokens.isEmpty() ? List.of(verb) : tokens, line, context));
  }

  /** English: an agent's when one is available and the router is not sure (or it asks why). */
  private Routing open(String line, CommandContext context) {
    boolean agent = agentAvailable.getAsBoolean();
    if (agent && OpenQuestions.asksForExplanation(line)) {
      return new Routing.Open(line, () -> deterministic(line, context));
    }
    if (plainEnglish == null) {
      return new Routing.Open(line, () -> deterministic(line, context));
    }
    PlainEnglish.Understanding understanding = understanding(line, context);
    if (agent && !(understanding instanceof PlainEnglish.Run)) {
      return new Routing.Open(line, () -> answer(understanding, line, context, null));
    }
    return new Routing.Reply(answer(understanding, line, context, null));
  }

  /** What the bot says without a model: the router's best, or an honest "I won't guess". */
  private Message deterministic(String line, CommandContext context) {
    if (plainEnglish == null) {
      return Replies.nothing(
          "I need a language model for that, and I won't guess without one.",
          "Here is what I can do: `diagnose -n shop`, `pods`, `logs checkout`, or `help`.");
    }
    return answer(understanding(line, context), line, context, null);
  }

  /** The command whose free text is the rest of this line, when its verb takes free text. */
  private Optional<Command> freeTextCommand(String line) {
    int space = line.indexOf(' ');
    String verb = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
    return commands.find(verb).filter(c -> c.syntax().freeText());
  }

  private Message execute(
      Command command, List<String> tokens, String line, CommandContext context) {
    String verb = command.verb();
    MDC.put("command", verb);
    Invocation invocation = null;
    String outcome = "error";
    Span span =
        telemetry
            .tracer()
            .spanBuilder("command " + verb)
            .setAttribute("jamie.command.verb", verb)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      invocation =
          command.syntax().freeText()
              ? CommandLine.parseFreeText(command.syntax(), line, context)
              : CommandLine.parse(command.syntax(), tokens, context);
      Message reply = command.run(invocation);
      outcome = "ok";
      log.info("command ran");
      return reply;
    } catch (UsageException e) {
      if (invocation == null && plainEnglish != null && looksLikeEnglish(tokens)) {
        // "restart checkout please" starts with a verb but is not its grammar: try the English
        outcome = "plain_english";
        return understand(line, context, usageError(e));
      }
      outcome = "usage";
      log.info("command rejected: {}", e.getMessage());
      return usageError(e);
    } catch (KubernetesToolException e) {
      outcome = "kubernetes_" + e.kind().name().toLowerCase(Locale.ROOT);
      log.warn("kubernetes call failed ({}): {}", e.kind(), e.getMessage());
      if (e.kind() == KubernetesToolException.Kind.NOT_FOUND && invocation != null) {
        Message offer = NameSuggestions.offer(e.getMessage(), invocation, tokens);
        if (offer != null) {
          return offer;
        }
      }
      return Replies.error(Mrkdwn.escapeFormatted(e.getMessage()), hint(e.kind()));
    } catch (EmbeddingModelException e) {
      outcome = "memory_unavailable";
      log.warn("memory unavailable for `{}`: {}", verb, e.getMessage());
      return Replies.error(
          "My memory (runbooks, notes) isn't available right now.",
          e.getMessage().contains("still loading")
              ? "It is still starting; try again in a few seconds."
              : "Operators: the bot's log says why and how to fix it.");
    } catch (MongoException e) {
      outcome = "store_unavailable";
      log.warn(
          "`{}` could not use MongoDB ({}); check that the MongoDB at MONGODB_URI (or the"
              + " embedded store under JAMIE_DATA_DIR) is up and answering",
          verb,
          e.getMessage());
      return Replies.error(
          "I can't reach my database right now; try again in a minute.",
          "Operators: the bot's log says what failed.");
    } catch (RuntimeException e) {
      String requestId = MDC.get("request_id");
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      span.setAttribute("error.type", e.getClass().getName());
      log.error("command `{}` failed unexpectedly", verb, e);
      return Replies.error(
          "Something went wrong running `" + verb + "`. That's on me, not you.",
          "Request id `" + requestId + "` — operators will find the details in the bot's log.");
    } finally {
      MDC.remove("command");
      span.setAttribute("jamie.command.outcome", outcome);
      span.end();
      count(verb, outcome);
    }
  }

  /** One command run: its verb (a registered one, or {@code unknown}) and how it ended. */
  private void count(String verb, String outcome) {
    Counter.builder("jamie.commands")
        .description("Commands run, by verb and outcome")
        .tag("verb", verb)
        .tag("outcome", outcome)
        .register(telemetry.meters())
        .increment();
  }

  /** Several words and no options: what a person types, not a command line. */
  private static boolean looksLikeEnglish(List<String> tokens) {
    if (tokens.size() < PLAIN_ENGLISH_WORDS) {
      return false;
    }
    for (String token : tokens) {
      if (token.startsWith("-")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs what the line most likely means, or asks; when nothing is close, answers {@code otherwise}
   * (or says it has no command for it).
   */
  private Message understand(String line, CommandContext context, Message otherwise) {
    return answer(understanding(line, context), line, context, otherwise);
  }

  private PlainEnglish.Understanding understanding(String line, CommandContext context) {
    try {
      return plainEnglish.understand(line, context);
    } catch (RuntimeException e) {
      log.warn("plain-English routing failed, answering without it: {}", e.getMessage());
      return new PlainEnglish.Nothing();
    }
  }

  private Message answer(
      PlainEnglish.Understanding understanding,
      String line,
      CommandContext context,
      Message otherwise) {
    return switch (understanding) {
      case PlainEnglish.Run run -> {
        log.info("routed plain English to `{}` ({})", run.commandLine(), run.confidence());
        Message reply = run(run.commandLine(), context);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Context(List.of("I read that as `" + run.commandLine() + "`")));
        blocks.addAll(reply.blocks());
        yield new Message(reply.text(), blocks, reply.inChannel());
      }
      case PlainEnglish.Unsure unsure -> {
        List<Block.Button> buttons = new ArrayList<>();
        for (String suggestion : unsure.suggestions()) {
          if (buttons.size() < MAX_SUGGESTIONS) {
            buttons.add(Block.Button.of(suggestion, Buttons.RUN_PREFIX + suggestion, suggestion));
          }
        }
        Message.Builder ask =
            Message.builder("Not sure what you meant")
                .section(
                    "I'm not sure enough to run anything. I understood: "
                        + Mrkdwn.escapeFormatted(unsure.understood())
                        + ".");
        if (!buttons.isEmpty()) {
          ask.section("Did you mean one of these?").actions(buttons);
        }
        yield ask.context("`help` lists every command.").build();
      }
      case PlainEnglish.Nothing nothing when otherwise != null -> otherwise;
      case PlainEnglish.Nothing nothing ->
          Replies.nothing(
              "I don't have a command for that, and I won't guess.",
              "Try `diagnose -n shop`, `pods`, `runbook crashloop` or `help`.");
    };
  }

  private Message unknownVerb(String verb, List<String> tokens) {
    Optional<String> closest = commands.closest(verb);
    if (closest.isPresent()) {
      String usage = commands.find(closest.get()).orElseThrow().syntax().usage();
      return Replies.error(
          "I don't know `" + Mrkdwn.escape(verb) + "`. Did you mean `" + closest.get() + "`?",
          "Usage: `" + usage + "` · `help` lists everything");
    }
    if (tokens.size() >= PLAIN_ENGLISH_WORDS) {
      return Replies.error(
          "I can only run commands for now: no language model is configured, so I won't guess"
              + " at plain English.",
          "Try `pods -n shop`, `events --warnings` or `help`.");
    }
    return Replies.error(
        "I don't know `" + Mrkdwn.escape(verb) + "`.", "`help` lists what I can do.");
  }

  // exception messages quote what the user typed: their `code` marks stay, nothing can ping or link
  private static Message usageError(UsageException e) {
    return Replies.error(
        Mrkdwn.escapeFormatted(e.getMessage()),
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
