package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import java.util.function.Supplier;

/** {@code diff NAME}: what differs between Git and the cluster, per object, as unified diffs. */
public final class DiffCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("diff").arg("NAME").build();

  private final Supplier<ArgoCdClient> argo;

  /** Diffs applications of {@code argo}'s Argo CD (null: not configured). */
  public DiffCommand(Supplier<ArgoCdClient> argo) {
    this.argo = argo;
  }

  @Override
  public String verb() {
    return "diff";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "What an Argo CD application's objects would change on sync (live vs Git).";
  }

  @Override
  public Message run(Invocation inv) {
    ArgoCdClient client = argo.get();
    if (client == null) {
      return ArgoCdReplies.notConfigured();
    }
    String name = inv.arg(0);
    try {
      return ArgoCdMessages.diff(name, client.managedResources(name));
    } catch (ArgoCdException e) {
      return ArgoCdReplies.failed(e, client, inv, name);
    }
  }
}
