package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;

/**
 * A command that changes a cluster. It never runs directly: it becomes a proposal through the
 * {@link WriteGate}, and the same parsing rebuilds the action when someone confirms.
 */
public interface WriteCommand extends Command {

  /** The typed action this invocation asks for, in the given namespace. */
  WriteAction action(Invocation inv, String namespace);

  /** Resolves the cluster and namespace, then hands the action to the gate. */
  @Override
  default Message run(Invocation inv) {
    WriteGate gate = inv.context().writes();
    if (gate == null) {
      return Replies.error(
          "Write commands are not available here.",
          "Operators: writes need the bot's store and policy.");
    }
    ClusterInfo cluster = inv.context().clusters().resolve(inv.cluster());
    String ns = inv.namespace(cluster.defaultNamespace());
    return gate.propose(inv, cluster.name(), action(inv, ns));
  }
}
