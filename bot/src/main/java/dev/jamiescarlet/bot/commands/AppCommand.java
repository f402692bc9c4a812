package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.argocd.AppDetail;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import java.util.function.Supplier;

/**
 * {@code app NAME}: one Argo CD application's health, sync, conditions, unhealthy or out-of-sync
 * objects and recent history ids.
 */
public final class AppCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("app").arg("NAME").build();

  private final Supplier<ArgoCdClient> argo;

  /** Shows applications of {@code argo}'s Argo CD (null: not configured). */
  public AppCommand(Supplier<ArgoCdClient> argo) {
    this.argo = argo;
  }

  @Override
  public String verb() {
    return "app";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "One Argo CD application: health, sync, conditions, problem objects, history ids.";
  }

  @Override
  public Message run(Invocation inv) {
    ArgoCdClient client = argo.get();
    if (client == null) {
      return ArgoCdReplies.notConfigured();
    }
    String name = inv.arg(0);
    try {
      AppDetail detail = client.application(name);
      return ArgoCdMessages.app(
          detail,
          client.resourceTree(name),
          inv.context().clock().instant(),
          inv.context().clusters());
    } catch (ArgoCdException e) {
      return ArgoCdReplies.failed(e, client, inv, name);
    }
  }
}
