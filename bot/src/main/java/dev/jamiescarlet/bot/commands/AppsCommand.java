package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import java.util.function.Supplier;

/** {@code apps [--project P]}: the Argo CD applications, out-of-sync and unhealthy ones first. */
public final class AppsCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("apps").option("project", "p", "PROJECT").build();

  private final Supplier<ArgoCdClient> argo;

  /** Lists the applications of {@code argo}'s Argo CD (null: not configured). */
  public AppsCommand(Supplier<ArgoCdClient> argo) {
    this.argo = argo;
  }

  @Override
  public String verb() {
    return "apps";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Argo CD applications: sync, health, revision and destination, problems first.";
  }

  @Override
  public Message run(Invocation inv) {
    ArgoCdClient client = argo.get();
    if (client == null) {
      return ArgoCdReplies.notConfigured();
    }
    try {
      return ArgoCdMessages.apps(
          client.applications(inv.option("project")), inv.context().clusters());
    } catch (ArgoCdException e) {
      return ArgoCdReplies.failed(e, client, inv, null);
    }
  }
}
