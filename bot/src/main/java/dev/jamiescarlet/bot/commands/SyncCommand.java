package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import java.util.function.Supplier;

/**
 * {@code sync NAME [--prune] [--dry-run]}: sync an Argo CD application to Git, after approval; its
 * policy scope is the application's destination cluster and namespace.
 */
public final class SyncCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("sync")
          .arg("NAME")
          .flag("prune", null)
          .flag("dry-run", null)
          .namespace()
          .cluster()
          .build();

  private final Supplier<ArgoCdClient> argo;

  /** Syncs applications of {@code argo}'s Argo CD (null: not configured). */
  public SyncCommand(Supplier<ArgoCdClient> argo) {
    this.argo = argo;
  }

  @Override
  public String verb() {
    return "sync";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Sync an Argo CD application to Git, `--prune` deletes what Git dropped, `--dry-run`"
        + " only reports (preview, then Confirm; the scope is the app's destination).";
  }

  @Override
  public Message run(Invocation inv) {
    return ArgoProposals.propose(
        argo, inv, inv.arg(0), this, (i, app) -> ArgoProposals.Step.propose(i));
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    return new WriteAction.ArgoSync(inv.arg(0), namespace, inv.flag("prune"), inv.flag("dry-run"));
  }
}
