package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code autosync NAME on|off}: turn an Argo CD application's automated sync on or off, after
 * approval (policy verb {@code sync}).
 */
public final class AutoSyncCommand implements WriteCommand {
  private static final Syntax SYNTAX =
      Syntax.of("autosync").arg("NAME").arg("on|off").namespace().cluster().build();

  private final Supplier<ArgoCdClient> argo;

  /** Changes applications of {@code argo}'s Argo CD (null: not configured). */
  public AutoSyncCommand(Supplier<ArgoCdClient> argo) {
    this.argo = argo;
  }

  @Override
  public String verb() {
    return "autosync";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Turn an Argo CD application's auto-sync on or off (preview, then Confirm; needs the"
        + " `sync` permission).";
  }

  @Override
  public Message run(Invocation inv) {
    boolean on = enabled(inv);
    return ArgoProposals.propose(
        argo,
        inv,
        inv.arg(0),
        this,
        (i, app) ->
            app.summary().autoSync() == on
                ? ArgoProposals.Step.refuse(
                    Replies.nothing(
                        "Auto-sync is already "
                            + (on ? "on" : "off")
                            + " for `"
                            + inv.arg(0)
                            + "`.",
                        "Nothing to change; `app " + inv.arg(0) + "` shows its state."))
                : ArgoProposals.Step.propose(i));
  }

  @Override
  public WriteAction action(Invocation inv, String namespace) {
    return new WriteAction.ArgoAutoSync(inv.arg(0), namespace, enabled(inv));
  }

  private static boolean enabled(Invocation inv) {
    return switch (inv.arg(1).toLowerCase(Locale.ROOT)) {
      case "on", "true" -> true;
      case "off", "false" -> false;
      default ->
          throw new UsageException("say `on` or `off`, not `" + inv.arg(1) + "`", SYNTAX.usage());
    };
  }
}
