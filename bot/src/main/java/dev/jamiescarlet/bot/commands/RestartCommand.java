package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WriteAction;

/** {@code restart deploy/NAME}: a rolling restart, as kubectl rollout restart, after approval. */
public final class RestartCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("restart").arg("KIND/NAME").namespace().cluster().build();

  @Override
  public String verb() {
    return "restart";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Rolling restart of a deployment, statefulset or daemonset (preview, then Confirm).";
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    String arg = inv.arg(0);
    return new WriteAction.Restart(
        Targets.workloadKind(arg, SYNTAX), namespace, Targets.after(arg));
  }
}
