package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.argocd.AppSummary;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Argo CD commands answer when Argo CD is not configured, unreachable or refuses: a short
 * message for the user, the fix in the operator log, and did-you-mean for unknown applications.
 */
final class ArgoCdReplies {
  private static final Logger log = LoggerFactory.getLogger(ArgoCdReplies.class);

  private ArgoCdReplies() {}

  /** No {@code JAMIE_ARGOCD_URL}: say which setting turns the commands on. */
  static Message notConfigured() {
    return Replies.error(
        "I'm not connected to Argo CD.",
        "Operators: set `JAMIE_ARGOCD_URL` (e.g. `https://argocd.example/`) and"
            + " `JAMIE_ARGOCD_TOKEN`.");
  }

  /**
   * The reply for a failed call about application {@code app} (null for the list); an unknown name
   * gets the close ones as buttons that rerun the same command.
   */
  static Message failed(ArgoCdException e, ArgoCdClient client, Invocation inv, String app) {
    switch (e.kind()) {
      case UNREACHABLE -> {
        log.warn("Argo CD is unreachable: {}", e.getMessage());
        return Replies.error(
            "I can't reach Argo CD right now.",
            "Operators: the bot's log says what failed; check `JAMIE_ARGOCD_URL` and that Argo CD"
                + " is up.");
      }
      case UNAUTHORIZED -> {
        log.warn("Argo CD rejected the bot's token: {}", e.getMessage());
        return Replies.error(
            "Argo CD rejected my token.",
            "Operators: check `JAMIE_ARGOCD_TOKEN`; `argocd account generate-token --account"
                + " jamie` makes a new one.");
      }
      case NOT_FOUND, FORBIDDEN -> {
        // Argo CD answers 403, not 404, for an application that does not exist
        Message offer = app == null ? null : didYouMean(client, inv, app);
        if (offer != null) {
          return offer;
        }
        if (e.kind() == ArgoCdException.Kind.FORBIDDEN) {
          log.warn("Argo CD refused the bot's token: {}", e.getMessage());
          return Replies.error(
              "Argo CD does not let me do that with my token.",
              "Operators: the bot's log names the RBAC rule to add in argocd-rbac-cm.");
        }
        return Replies.error(e.getMessage(), "`apps` lists the applications I can see.");
      }
      default -> {
        log.info("Argo CD call refused: {}", e.getMessage());
        return Replies.error(e.getMessage(), "`apps` lists the applications I can see.");
      }
    }
  }

  private static Message didYouMean(ArgoCdClient client, Invocation inv, String app) {
    List<String> names;
    try {
      names = client.applications(null).stream().map(AppSummary::name).toList();
    } catch (ArgoCdException e) {
      return null;
    }
    if (names.contains(app)) {
      return null;
    }
    String what = "I don't see an Argo CD application `" + app + "`.";
    List<String> close = NameSuggestions.closest(app, names);
    if (close.isEmpty()) {
      return Replies.error(what, "`apps` lists the applications I can see.");
    }
    List<Block.Button> buttons = new ArrayList<>();
    for (String candidate : close) {
      String command = commandWith(inv, app, candidate);
      buttons.add(
          Block.Button.of(Format.cut(candidate, 75), Buttons.RUN_PREFIX + command, command));
    }
    return Message.builder(what)
        .section(":warning: " + what + " Did you mean one of these?")
        .actions(buttons)
        .context("Each button runs the same command with that name.")
        .build();
  }

  private static String commandWith(Invocation inv, String from, String to) {
    StringBuilder sb = new StringBuilder(inv.verb());
    boolean done = false;
    for (String arg : inv.args()) {
      boolean match = !done && arg.equals(from);
      done |= match;
      sb.append(' ').append(match ? to : arg);
    }
    inv.flags().stream().sorted().forEach(f -> sb.append(" --").append(f));
    return sb.toString();
  }
}
