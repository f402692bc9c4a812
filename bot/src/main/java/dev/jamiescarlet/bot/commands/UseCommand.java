package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.channels.ChannelDefaults;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import java.util.Locale;

/** {@code use cluster NAME}: the cluster this channel's commands use when they name none. */
public final class UseCommand implements Command {
  private static final Syntax SYNTAX =
      Syntax.of("use").optionalArg("cluster").optionalArg("NAME").flag("reset", null).build();

  private final ChannelDefaults defaults;

  /** A command over the channel defaults store (null when the bot has no store). */
  public UseCommand(ChannelDefaults defaults) {
    this.defaults = defaults;
  }

  @Override
  public String verb() {
    return "use";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "This channel's default cluster: `use cluster NAME`, `use cluster --reset`, or `use` to see it.";
  }

  @Override
  public Message run(Invocation inv) {
    if (defaults == null) {
      return Replies.error("Channel defaults need the bot's store.", "Operators: see MONGODB_URI.");
    }
    String channel = inv.context().channelId();
    String what = inv.arg(0);
    if (what == null) {
      return defaults
          .cluster(channel)
          .map(
              c ->
                  Message.of(
                      "This channel uses cluster "
                          + Mrkdwn.code(c)
                          + " unless a command says `--cluster`."))
          .orElseGet(
              () -> {
                ClusterInfo d = inv.context().clusters().resolve(null);
                return Message.of(
                    "This channel has no default of its own; commands use "
                        + Mrkdwn.code(d.name())
                        + ".");
              });
    }
    if (!"cluster".equals(what.toLowerCase(Locale.ROOT))) {
      throw new UsageException(
          "I can only set the channel's `cluster`, not `" + what + "`", SYNTAX.usage());
    }
    if (inv.flag("reset")) {
      defaults.clear(channel);
      return Message.of("This channel no longer has a default cluster of its own.");
    }
    if (inv.arg(1) == null) {
      throw new UsageException(
          "`use cluster` needs the cluster's NAME (see `clusters`)", SYNTAX.usage());
    }
    ClusterInfo cluster = inv.context().clusters().resolve(inv.arg(1));
    defaults.set(channel, cluster.name(), inv.context().userId());
    return Message.of(
        "From now on, commands in this channel use cluster "
            + Mrkdwn.code(cluster.name())
            + " unless they say `--cluster` (set by "
            + Links.user(inv.context().userId())
            + ").");
  }
}
