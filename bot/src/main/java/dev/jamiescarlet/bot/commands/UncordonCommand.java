package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WriteAction;

/** {@code uncordon NODE}: mark a node schedulable again, after approval. */
public final class UncordonCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("uncordon").arg("NODE").namespace().cluster().build();

  @Override
  public String verb() {
    return "uncordon";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Mark a node schedulable again (preview, then Confirm).";
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    return new WriteAction.Uncordon(Targets.after(inv.arg(0)));
  }
}
