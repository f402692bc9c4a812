package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WriteAction;

/** {@code cordon NODE}: mark a node unschedulable, after approval. */
public final class CordonCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("cordon").arg("NODE").namespace().cluster().build();

  @Override
  public String verb() {
    return "cordon";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Mark a node unschedulable (preview, then Confirm).";
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    return new WriteAction.Cordon(Targets.after(inv.arg(0)));
  }
}
