package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.argocd.AppDetail;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.HistoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code rollback app NAME [ID]}: an Argo CD application back to a history id (no id: the
 * deployment before the current one), refused up front while auto-sync is on with an offer to turn
 * it off first.
 */
final class AppRollback {
  /** The first argument that makes {@code rollback} mean an Argo CD application. */
  static final String KEYWORD = "app";

  private final Supplier<ArgoCdClient> argo;

  AppRollback(Supplier<ArgoCdClient> argo) {
    this.argo = argo;
  }

  Message run(Invocation inv, WriteCommand command, Syntax syntax) {
    String name = name(inv, syntax);
    return ArgoProposals.propose(argo, inv, name, command, (i, app) -> check(i, app, name));
  }

  static WriteAction action(Invocation inv, String namespace, Syntax syntax) {
    String id = inv.arg(2);
    if (id == null) {
      throw new UsageException("give the history id to roll back to", syntax.usage());
    }
    return new WriteAction.ArgoRollback(name(inv, syntax), namespace, historyId(id, syntax));
  }

  private static ArgoProposals.Step check(Invocation inv, AppDetail app, String name) {
    if (app.summary().autoSync()) {
      String off = "autosync " + name + " off";
      String text =
          "Auto-sync is on for `"
              + name
              + "`, so Argo CD would undo a rollback at its next sync. Turn auto-sync off first,"
              + " then roll back.";
      return ArgoProposals.Step.refuse(
          Message.builder(text)
              .section(":no_entry: " + text)
              .actions(
                  List.of(
                      Block.Button.of("Turn auto-sync off first", Buttons.RUN_PREFIX + off, off)))
              .context(
                  "The button proposes `"
                      + off
                      + "` (it needs approval too); nothing was rolled back.")
              .build());
    }
    if (inv.arg(2) != null) {
      return ArgoProposals.Step.propose(inv);
    }
    List<HistoryEntry> history = app.history();
    if (history.size() < 2) {
      return ArgoProposals.Step.refuse(
          Replies.error(
              "`" + name + "` has no deployment before the current one to roll back to.",
              "`app " + name + "` shows its history ids."));
    }
    // the newest entry is what runs now; "previous" is the one before it
    List<String> args = new ArrayList<>(inv.args());
    args.add(String.valueOf(history.get(1).id()));
    return ArgoProposals.Step.propose(
        new Invocation(inv.verb(), inv.options(), inv.flags(), args, inv.context()));
  }

  private static String name(Invocation inv, Syntax syntax) {
    if (inv.arg(1) == null) {
      throw new UsageException(
          "name the Argo CD application: `rollback app NAME [ID]`", syntax.usage());
    }
    return inv.arg(1);
  }

  private static long historyId(String id, Syntax syntax) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new UsageException(
          "ID must be a history id (a number), not `" + id + "`", syntax.usage());
    }
  }
}
