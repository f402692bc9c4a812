package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WriteAction;

/** {@code suspend cronjob/NAME}: stop a CronJob from scheduling, after approval. */
public final class SuspendCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("suspend").arg("cronjob/NAME").namespace().cluster().build();

  @Override
  public String verb() {
    return "suspend";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Suspend a CronJob (preview, then Confirm).";
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    return new WriteAction.SuspendCronJob(
        namespace, Targets.name(inv.arg(0), SYNTAX, "cronjob", "cj"));
  }
}
