package dev.jamiescarlet.bot.slack;

import dev.jamiescarlet.bot.agents.AgentDesk;
import dev.jamiescarlet.bot.agents.InvestigationDesk;
import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.channels.ChannelDefaults;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.CommandLine;
import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.FollowUps;
import dev.jamiescarlet.bot.commands.WriteGate;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers what a person typed, as that person, in that place, and delivers the answer. */
public final class Conversation {
  private static final Logger log = LoggerFactory.getLogger(Conversation.class);

  /** Said instead of answering about another cluster when the channel's default is unreadable. */
  static final Message DEFAULT_UNREADABLE =
      Message.builder("I can't read this channel's default cluster right now; pass --cluster NAME")
          .section(
              ":warning: I can't read this channel's default cluster right now; pass `--cluster"
                  + " NAME`.")
          .context("`clusters` lists the clusters I know.")
          .build();

  private final CommandRunner runner;
  private final ClusterRegistry clusters;
  private final KubernetesReads kubernetes;
  private final Replier replier;
  private final Clock clock;
  private final AuditLog audit;
  private final WriteGate writes;
  private final ChannelDefaults channelDefaults;
  private final Function<String, Identity> identities;
  private volatile AgentDesk agents;
  private volatile FollowUps followUps;

  /** Wires the pieces an answer needs; {@code audit} may be null. */
  public Conversation(
      CommandRunner runner,
      ClusterRegistry clusters,
      KubernetesReads kubernetes,
      Replier replier,
      Clock clock,
      AuditLog audit,
      WriteGate writes,
      ChannelDefaults channelDefaults,
      Function<String, Identity> identities) {
    this.runner = runner;
    this.clusters = clusters;
    this.kubernetes = kubernetes;
    this.replier = replier;
    this.clock = clock;
    this.audit = audit;
    this.writes = writes;
    this.channelDefaults = channelDefaults;
    this.identities = identities;
  }

  /** Hands open questions to the agents from now on (null: commands and routing only). */
  public void agents(AgentDesk desk) {
    this.agents = desk;
  }

  /** Delivers the answers commands promise for later (null: none are promised). */
  public void followUps(FollowUps promised) {
    this.followUps = promised;
  }

  /** The agents' desk, or null when there are none. */
  public AgentDesk agentDesk() {
    return agents;
  }

  /**
   * An agent's own slash command ({@code /scarlet investigate …}): the investigator investigates,
   * any other agent converses.
   */
  public void agentCommand(String command, ReplyTarget target, String text) {
    CommandContext context = contextFor(target, text);
    if (context == null) {
      return;
    }
    if (agents == null) {
      deliver(target, runner.run(text, context));
      return;
    }
    Optional<AgentDesk.Addressed> addressed =
        agents.addressed(command.replace("/", "") + " " + text);
    if (addressed.isPresent()) {
      toAgent(target, addressed.get(), context);
    } else {
      agents.converse(
          agents.conversational(), target, text, context, () -> runner.run(text, context));
    }
  }

  /** The command runner. */
  public CommandRunner runner() {
    return runner;
  }

  /**
   * The answer to an instant command (one that does no I/O, e.g. {@code help}), given on the ack
   * itself; never throws. The channel's default is not read: a hung store must not hold the ack.
   */
  public Message answer(String text, String userId, String channelId) {
    return runner.run(text, context(userId, channelId, null));
  }

  /**
   * Who, where, and the tools as that person, for work started by a click (e.g. Investigate); null
   * after telling the person that the channel's default cluster cannot be read, since answering
   * about the registry's default would answer about another cluster without saying so.
   */
  public CommandContext contextOrRefuse(ReplyTarget target) {
    return contextFor(target, "");
  }

  /**
   * Who, where, and the tools as that person: what a command (or an agent's proposal) runs in. When
   * the channel's default cannot be read, the registry's default is used and the log says so (an
   * agent's proposal shows its cluster in the preview a person confirms); typed lines and clicks
   * that start work refuse instead ({@link #reply}, {@link #contextOrRefuse}).
   */
  public CommandContext context(String userId, String channelId) {
    String cluster;
    try {
      cluster = channelCluster(channelId);
    } catch (RuntimeException e) {
      log.warn(
          "channel {}: its default cluster is unreadable ({}); this request uses the registry's"
              + " default. Check that MongoDB (MONGODB_URI or JAMIE_DATA_DIR) is answering",
          channelId,
          e.getMessage());
      cluster = null;
    }
    return context(userId, channelId, cluster);
  }

  private CommandContext context(String userId, String channelId, String defaultCluster) {
    return new CommandContext(
        userId,
        channelId,
        defaultCluster,
        clusters,
        // reads run as the person's mapped Kubernetes identity, so RBAC decides what they see
        kubernetes.as(identities.apply(userId)),
        runner.commands(),
        clock,
        audit,
        writes);
  }

  /** The channel's own default cluster, or null; throws when the store cannot say. */
  private String channelCluster(String channelId) {
    return channelDefaults == null ? null : channelDefaults.cluster(channelId).orElse(null);
  }

  /**
   * The context a typed line runs in, or null after telling the person that the channel's default
   * cluster is unreadable and the line names none: answering about the registry's default instead
   * would answer about another cluster without saying so.
   */
  private CommandContext contextFor(ReplyTarget target, String text) {
    if (namesCluster(text)) {
      // --cluster wins over any channel default, so there is nothing to read
      return context(target.userId(), target.channel(), null);
    }
    try {
      return context(target.userId(), target.channel(), channelCluster(target.channel()));
    } catch (RuntimeException e) {
      log.warn(
          "channel {}: its default cluster is unreadable ({}); asked the person to pass --cluster."
              + " Check that MongoDB (MONGODB_URI or JAMIE_DATA_DIR) is answering",
          target.channel(),
          e.getMessage());
      deliver(target, DEFAULT_UNREADABLE);
      return null;
    }
  }

  /**
   * Answers and delivers: a command's reply, or an agent's streamed answer when the line is an open
   * question (or names an agent); a failed delivery is logged with its fix, never thrown.
   */
  public void reply(ReplyTarget target, String text) {
    CommandContext context = contextFor(target, text);
    if (context == null) {
      return;
    }
    if (agents != null) {
      String line = CommandLine.normalise(text);
      Optional<AgentDesk.Addressed> addressed = agents.addressed(line);
      if (addressed.isPresent()) {
        toAgent(target, addressed.get(), context);
        return;
      }
    }
    switch (runner.route(text, context)) {
      case CommandRunner.Routing.Open open when agents != null ->
          agents.converse(agents.conversational(), target, open.line(), context, open.fallback());
      case CommandRunner.Routing.Open open -> {
        deliver(target, open.fallback().get());
        deliverLater(target);
      }
      case CommandRunner.Routing.Reply reply -> {
        deliver(target, reply.message());
        deliverLater(target);
      }
    }
  }

  // a command that could not answer yet ("I'll answer here when done") left its answer to come
  private void deliverLater(ReplyTarget target) {
    FollowUps promised = followUps;
    if (promised != null) {
      promised
          .claim(target.userId(), target.channel())
          .ifPresent(later -> later.thenAccept(message -> deliver(target, message)));
    }
  }

  /** A line that names an agent: an investigator investigates, any other converses. */
  private void toAgent(ReplyTarget target, AgentDesk.Addressed to, CommandContext context) {
    InvestigationDesk investigations = agents.investigations();
    if (investigations != null && investigations.agent() == to.agent()) {
      investigations.investigate(target, InvestigationDesk.question(to.rest()), context);
      return;
    }
    agents.converse(to.agent(), target, to.rest(), context, () -> runner.run(to.rest(), context));
  }

  /** Whether a typed line gives {@code --cluster} itself. */
  static boolean namesCluster(String text) {
    try {
      for (String token : CommandLine.tokenize(CommandLine.normalise(text))) {
        if (token.equals("--cluster") || token.startsWith("--cluster=")) {
          return true;
        }
      }
    } catch (RuntimeException e) {
      // not a command line (an unclosed quote in English): it names no cluster
    }
    return false;
  }

  /** Delivers a message; a failed delivery is logged with its fix, never thrown. */
  public void deliver(ReplyTarget target, Message message) {
    try {
      replier.post(target, message);
    } catch (RuntimeException e) {
      log.error("could not deliver a reply to channel {}: {}", target.channel(), e.getMessage());
    }
  }
}
