package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.tools.actions.WriteAction;

/** {@code resume cronjob/NAME}: let a suspended CronJob schedule again, after approval. */
public final class ResumeCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("resume").arg("cronjob/NAME").namespace().cluster().build();

  @Override
  public String verb() {
    return "resume";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Resume a suspended CronJob (preview, then Confirm).";
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    return new WriteAction.ResumeCronJob(
        namespace, Targets.name(inv.arg(0), SYNTAX, "cronjob", "cj"));
  }
}
