package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import java.util.function.Supplier;

/**
 * {@code rollback deploy/NAME [REVISION]}: back to the previous (or a chosen) revision, after
 * approval; {@code rollback app NAME [ID]} does the same for an Argo CD application.
 */
public final class RollbackCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("rollback")
          .arg("deploy/NAME|app")
          .optionalArg("REVISION|NAME")
          .optionalArg("ID")
          .namespace()
          .cluster()
          .build();

  private final AppRollback apps;

  /** Rolls back deployments only; {@code rollback app} says Argo CD is not configured. */
  public RollbackCommand() {
    this(() -> null);
  }

  /** Rolls back deployments, and applications of {@code argo}'s Argo CD (null: not configured). */
  public RollbackCommand(Supplier<ArgoCdClient> argo) {
    this.apps = new AppRollback(argo);
  }

  @Override
  public String verb() {
    return "rollback";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Roll a deployment back to its previous or a chosen revision, or `rollback app NAME"
        + " [ID]` an Argo CD application to a history id (preview, then Confirm).";
  }

  @Override
  public Message run(Invocation inv) {
    if (AppRollback.KEYWORD.equals(inv.arg(0))) {
      return apps.run(inv, this, SYNTAX);
    }
    return WriteCommand.super.run(inv);
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    if (AppRollback.KEYWORD.equals(inv.arg(0))) {
      return AppRollback.action(inv, namespace, SYNTAX);
    }
    if (inv.arg(2) != null) {
      throw new UsageException(
          "a deployment rollback takes one revision; I don't know what to do with `"
              + inv.arg(2)
              + "`",
          SYNTAX.usage());
    }
    String name = Targets.name(inv.arg(0), SYNTAX, "deploy", "deployment");
    Long revision = null;
    if (inv.arg(1) != null) {
      try {
        revision = Long.parseLong(inv.arg(1));
      } catch (NumberFormatException e) {
        throw new UsageException(
            "REVISION must be a number, not `" + inv.arg(1) + "`", SYNTAX.usage());
      }
    }
    return new WriteAction.Rollback(namespace, name, revision);
  }
}
