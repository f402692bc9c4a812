package dev.jamiescarlet.tools.kubernetes;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** Turns fabric8 client failures into readable {@link KubernetesToolException}s. */
public final class KubernetesErrors {
  private KubernetesErrors() {}

  /**
   * Maps a failure of one call.
   *
   * @param error what the client threw
   * @param cluster the cluster the call went to
   * @param namespace the namespace, or null for cluster-scoped or all-namespace calls
   * @param what what was asked for, e.g. "deployment `foo`" or "pods"
   */
  public static KubernetesToolException map(
      RuntimeException error, ClusterInfo cluster, String namespace, String what) {
    if (error instanceof KubernetesToolException known) {
      return known;
    }
    String where = where(cluster, namespace);
    int code = error instanceof KubernetesClientException kce ? kce.getCode() : 0;
    String serverMessage = serverMessage(error);
    switch (code) {
      case 404 -> {
        return new KubernetesToolException(Kind.NOT_FOUND, what + " not found " + where, error);
      }
      case 403 -> {
        return new KubernetesToolException(
            Kind.FORBIDDEN,
            "I'm not allowed to read "
                + what
                + " "
                + where
                + ": "
                + serverMessage
                + ". Ask a cluster admin to grant that permission to my service account.",
            error);
      }
      case 401 -> {
        return new KubernetesToolException(
            Kind.UNAUTHORIZED,
            "cluster `"
                + cluster.name()
                + "` rejected my credentials (401 Unauthorized) while reading "
                + what
                + "; check the kubeconfig or service account token for that cluster.",
            error);
      }
      case 429, 500, 502, 503, 504 -> {
        // the API server (or etcd behind it) is overloaded or restarting: a retry later helps
        return new KubernetesToolException(
            Kind.UNREACHABLE,
            "cluster `"
                + cluster.name()
                + "` answered HTTP "
                + code
                + " ("
                + brief(serverMessage)
                + ") while reading "
                + what
                + (namespace == null ? "" : " in namespace `" + namespace + "`")
                + "; its API server is overloaded or restarting.",
            error);
      }
      default -> {
        // fall through to the transport checks below
      }
    }
    Throwable transport = transportCause(error);
    if (transport instanceof ConnectException
        || transport instanceof UnknownHostException
        || transport instanceof NoRouteToHostException) {
      return new KubernetesToolException(
          Kind.UNREACHABLE,
          "cluster `"
              + cluster.name()
              + "` at "
              + cluster.server()
              + " is unreachable: "
              + reason(transport)
              + ". Check the server address and that the network path to it is open.",
          error);
    }
    if (transport != null) {
      return new KubernetesToolException(
          Kind.TIMEOUT,
          "cluster `"
              + cluster.name()
              + "` at "
              + cluster.server()
              + " did not answer in time while reading "
              + what
              + " "
              + where
              + "; it may be overloaded or unreachable, try again in a moment.",
          error);
    }
    String detail = code > 0 ? "HTTP " + code + ": " + serverMessage : serverMessage;
    return new KubernetesToolException(
        Kind.OTHER, "reading " + what + " " + where + " failed: " + detail, error);
  }

  /** "in namespace `shop` on cluster `demo`" or "on cluster `demo`". */
  public static String where(ClusterInfo cluster, String namespace) {
    String on = "on cluster `" + cluster.name() + "`";
    return namespace == null ? on : "in namespace `" + namespace + "` " + on;
  }

  /** The API server's Status message, else the exception message. */
  public static String serverMessage(RuntimeException error) {
    if (error instanceof KubernetesClientException kce
        && kce.getStatus() != null
        && kce.getStatus().getMessage() != null) {
      return kce.getStatus().getMessage();
    }
    return String.valueOf(error.getMessage());
  }

  /** The connect or timeout failure in the cause chain, or null when there is none. */
  private static Throwable transportCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException
          || t instanceof TimeoutException
          // vert.x reports idle and connect timeouts with its own exception types
          || t.getClass().getSimpleName().contains("Timeout")) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** A proxy in front of an API server may answer a whole HTML page: keep the start. */
  private static String brief(String message) {
    int max = 200;
    String line = message.strip().replaceAll("\\s+", " ");
    return line.length() <= max ? line : line.substring(0, max) + "…";
  }

  private static String reason(Throwable transport) {
    if (transport instanceof UnknownHostException) {
      return "unknown host " + transport.getMessage();
    }
    if (transport instanceof NoRouteToHostException) {
      return "no route to host";
    }
    String message = String.valueOf(transport.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return message.contains("refused") ? "connection refused" : transport.getMessage();
  }
}
