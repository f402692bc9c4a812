package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.commands.Buttons;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sync / Roll back / Diff on a firing Argo CD alert: run-a-command buttons, so they run as the
 * person who clicks, and the writes go through the approval flow like typed commands.
 */
final class ArgoCdAlertButtons {
  // the name comes from a webhook: only an Argo CD application name may reach a command line
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private ArgoCdAlertButtons() {}

  /** Adds the buttons to {@code b} when {@code g} is a firing Argo CD group with a valid app. */
  static void add(AlertGroup g, Message.Builder b) {
    if (g.source() != AlertSource.ARGOCD || g.firingCount() == 0 || g.alerts().isEmpty()) {
      return;
    }
    String app = g.alerts().getFirst().alert().labels().get("app");
    if (app == null || !NAME.matcher(app).matches()) {
      return;
    }
    b.actions(
        List.of(
            run("Sync", "sync " + app),
            run("Roll back", "rollback app " + app),
            run("Diff", "diff " + app)));
  }

  private static Block.Button run(String label, String command) {
    return Block.Button.of(label, Buttons.RUN_PREFIX + command, command);
  }
}
