package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WriteAction;

/** {@code delete pod/NAME}: delete a pod so its controller replaces it, after approval. */
public final class DeleteCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("delete").arg("pod/NAME").namespace().cluster().build();

  @Override
  public String verb() {
    return "delete";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Delete a pod; its controller starts a new one (preview, then Confirm).";
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    return new WriteAction.DeletePod(namespace, Targets.name(inv.arg(0), SYNTAX, "pod", "po"));
  }
}
