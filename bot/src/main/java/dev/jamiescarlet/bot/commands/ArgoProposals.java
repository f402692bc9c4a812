package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.argocd.AppDetail;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import java.util.function.Supplier;

/**
 * The path of Argo CD write commands to the {@link WriteGate}: read the application, let the
 * command refuse early (e.g. a rollback while auto-sync is on), take the application's destination
 * as the policy scope, and propose.
 */
final class ArgoProposals {
  private ArgoProposals() {}

  /**
   * What to do after reading the application: propose {@code invocation} (which may add what was
   * resolved, e.g. a history id), or answer {@code refusal} instead.
   */
  record Step(Invocation invocation, Message refusal) {
    static Step propose(Invocation inv) {
      return new Step(inv, null);
    }

    static Step refuse(Message refusal) {
      return new Step(null, refusal);
    }
  }

  /** A command's look at the application before anything is proposed. */
  @FunctionalInterface
  interface Check {
    Step check(Invocation inv, AppDetail app);
  }

  static Message propose(
      Supplier<ArgoCdClient> argo, Invocation inv, String app, WriteCommand command, Check check) {
    ArgoCdClient client = argo.get();
    if (client == null) {
      return ArgoCdReplies.notConfigured();
    }
    WriteGate gate = inv.context().writes();
    if (gate == null) {
      return Replies.error(
          "Write commands are not available here.",
          "Operators: writes need the bot's store and policy.");
    }
    try {
      AppDetail detail = client.application(app);
      Step step = check.check(inv, detail);
      if (step.refusal() != null) {
        return step.refusal();
      }
      ArgoScope scope = ArgoScope.of(detail.summary(), inv.context().clusters());
      Invocation go = step.invocation();
      return gate.propose(go, scope.cluster(), command.action(go, scope.namespace()));
    } catch (ArgoCdException e) {
      return ArgoCdReplies.failed(e, client, inv, app);
    }
  }
}
