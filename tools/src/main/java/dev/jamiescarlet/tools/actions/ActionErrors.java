package dev.jamiescarlet.tools.actions;

import dev.jamiescarlet.tools.kubernetes.KubernetesErrors;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns failures of a write into readable {@link KubernetesToolException}s. */
final class ActionErrors {
  private ActionErrors() {}

  /** Maps a failure of {@code action} run in {@code ctx}. */
  static KubernetesToolException map(
      RuntimeException error, ActionContext ctx, WriteAction action) {
    if (error instanceof KubernetesToolException known) {
      return known;
    }
    int code = error instanceof KubernetesClientException kce ? kce.getCode() : 0;
    String where = KubernetesErrors.where(ctx.cluster(), action.namespace());
    String server = KubernetesErrors.serverMessage(error);
    String what = action.verb() + " " + action.target() + " " + where;
    return switch (code) {
      case 403 ->
          new KubernetesToolException(
              Kind.FORBIDDEN,
              (ctx.who().isBot() ? "I'm" : "`" + ctx.who().kubernetesUser() + "` is")
                  + " not allowed to "
                  + what
                  + ": "
                  + server
                  + (ctx.who().isBot()
                      ? ". Ask a cluster admin to grant that permission to my service account."
                      : ". Kubernetes RBAC decides; ask a cluster admin for that permission."),
              error);
      case 404 -> notFound(ctx, action.target(), action.namespace(), error);
      case 409 ->
          new KubernetesToolException(
              Kind.OTHER,
              action.target()
                  + " changed while I was working on it "
                  + where
                  + ": "
                  + server
                  + ". Preview it again.",
              error);
      case 400, 422 ->
          new KubernetesToolException(
              Kind.INVALID_REQUEST, "the API server refused to " + what + ": " + server, error);
      case 0, 401 ->
          KubernetesErrors.map(error, ctx.cluster(), action.namespace(), action.target());
      default ->
          new KubernetesToolException(
              Kind.OTHER, "could not " + what + ": HTTP " + code + ": " + server, error);
    };
  }

  /** "deployment `checkout` not found in namespace `shop` on cluster `demo`". */
  static KubernetesToolException notFound(
      ActionContext ctx, String target, String namespace, Throwable cause) {
    String kind = target.substring(0, target.indexOf('/'));
    String name = target.substring(target.indexOf('/') + 1);
    return new KubernetesToolException(
        Kind.NOT_FOUND,
        kind + " `" + name + "` not found " + KubernetesErrors.where(ctx.cluster(), namespace),
        cause);
  }

  /** An action that cannot make sense in the object's current state. */
  static KubernetesToolException invalid(String message) {
    return new KubernetesToolException(Kind.INVALID_REQUEST, message);
  }
}
