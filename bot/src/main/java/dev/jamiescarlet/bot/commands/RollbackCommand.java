package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WriteAction;

/**
 * {@code rollback deploy/NAME [REVISION]}: back to the previous (or a chosen) revision, after
 * approval.
 */
public final class RollbackCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("rollback")
          .arg("deploy/NAME")
          .optionalArg("REVISION")
          .namespace()
          .cluster()
          .build();

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
    return "Roll a deployment back to its previous or a chosen revision (preview, then Confirm).";
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
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
