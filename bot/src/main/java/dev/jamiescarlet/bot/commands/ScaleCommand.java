package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WriteAction;

/** {@code scale deploy/NAME N}: change the replica count, after approval. */
public final class ScaleCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("scale").arg("KIND/NAME").arg("N").namespace().cluster().build();

  @Override
  public String verb() {
    return "scale";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Set the replicas of a deployment or statefulset (preview, then Confirm).";
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    String arg = inv.arg(0);
    int replicas;
    try {
      replicas = Integer.parseInt(inv.arg(1));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "the replica count must be a whole number, not `" + inv.arg(1) + "`", SYNTAX.usage());
    }
    return new WriteAction.Scale(
        Targets.workloadKind(arg, SYNTAX), namespace, Targets.after(arg), replicas);
  }
}
