package dev.jamiescarlet.bot.slack;

import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.channels.ChannelDefaults;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.WriteGate;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers what a person typed, as that person, in that place, and delivers the answer. */
public final class Conversation {
  private static final Logger log = LoggerFactory.getLogger(Conversation.class);

  private final CommandRunner runner;
  private final ClusterRegistry clusters;
  private final KubernetesReads kubernetes;
  private final Replier replier;
  private final Clock clock;
  private final AuditLog audit;
  private final WriteGate writes;
  private final ChannelDefaults channelDefaults;
  private final Function<String, Identity> identities;

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

  /** The command runner. */
  public CommandRunner runner() {
    return runner;
  }

  /** The answer to a line of text from a user in a channel; never throws. */
  public Message answer(String text, String userId, String channelId) {
    CommandContext context =
        new CommandContext(
            userId,
            channelId,
            channelCluster(channelId),
            clusters,
            // reads run as the person's mapped Kubernetes identity, so RBAC decides what they see
            kubernetes.as(identities.apply(userId)),
            runner.commands(),
            clock,
            audit,
            writes);
    return runner.run(text, context);
  }

  /** The channel's own default cluster, or null; a store hiccup falls back to the registry's. */
  private String channelCluster(String channelId) {
    if (channelDefaults == null) {
      return null;
    }
    try {
      return channelDefaults.cluster(channelId).orElse(null);
    } catch (RuntimeException e) {
      log.warn("channel defaults unavailable ({}); using the default cluster", e.getMessage());
      return null;
    }
  }

  /** Answers and delivers; a failed delivery is logged with its fix, never thrown. */
  public void reply(ReplyTarget target, String text) {
    Message answer = answer(text, target.userId(), target.channel());
    deliver(target, answer);
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
