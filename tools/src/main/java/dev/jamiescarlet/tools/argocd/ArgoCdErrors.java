package dev.jamiescarlet.tools.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamiescarlet.tools.argocd.ArgoCdException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Turns Argo CD answers and transport failures into {@link ArgoCdException}s that name the fix. */
final class ArgoCdErrors {
  private static final int MAX_BODY = 300;

  private final ObjectMapper json;
  private final URI baseUrl;

  ArgoCdErrors(ObjectMapper json, URI baseUrl) {
    this.json = json;
    this.baseUrl = baseUrl;
  }

  /** The exception for a non-2xx answer, passing Argo CD's own message through. */
  ArgoCdException forStatus(ArgoCdCall call, int status, String body) {
    String said = argoMessage(body);
    return switch (status) {
      case 401 ->
          new ArgoCdException(
              Kind.UNAUTHORIZED,
              "the Argo CD token was rejected by "
                  + baseUrl
                  + " ("
                  + said
                  + "); check JAMIE_ARGOCD_TOKEN: it may be expired or revoked, and"
                  + " `argocd account generate-token` makes a new one");
      case 403 ->
          new ArgoCdException(
              Kind.FORBIDDEN,
              "the Argo CD token lacks permission `applications, "
                  + call.action()
                  + "`"
                  + (call.app() == null ? "" : " on `" + call.app() + "`")
                  + " ("
                  + said
                  + "); check JAMIE_ARGOCD_TOKEN and grant it in argocd-rbac-cm, e.g. `p, role:jamie,"
                  + " applications, "
                  + call.action()
                  + ", */*, allow`"
                  + (call.app() == null
                      ? ""
                      : " (Argo CD also answers 403 for an application that does not exist; `apps`"
                          + " lists them)"));
      case 404 ->
          call.app() == null
              ? new ArgoCdException(
                  Kind.NOT_FOUND,
                  baseUrl
                      + " has no Argo CD API at "
                      + call.path()
                      + " ("
                      + said
                      + "); check that JAMIE_ARGOCD_URL points at the Argo CD server itself")
              : new ArgoCdException(
                  Kind.NOT_FOUND, "no application `" + call.app() + "`; `apps` lists them");
      case 400, 409, 412, 422 -> invalid(call, said);
      default ->
          new ArgoCdException(
              Kind.OTHER,
              "Argo CD answered "
                  + status
                  + " to "
                  + call.describe()
                  + ": "
                  + said
                  + " (see the argocd-server logs)");
    };
  }

  /** The exception when Argo CD cannot be reached or does not answer in time. */
  ArgoCdException forTransport(ArgoCdCall call, IOException e, Duration timeout) {
    String where = "Argo CD at " + baseUrl;
    if (e instanceof HttpTimeoutException) {
      return new ArgoCdException(
          Kind.UNREACHABLE,
          where
              + " did not answer "
              + call.describe()
              + " within "
              + (timeout.toMillis() < 1000
                  ? timeout.toMillis() + " ms"
                  : timeout.toSeconds() + " s")
              + "; check that JAMIE_ARGOCD_URL is right and argocd-server is up",
          e);
    }
    if (e instanceof SSLException) {
      return new ArgoCdException(
          Kind.UNREACHABLE,
          where
              + " failed the TLS handshake ("
              + e.getMessage()
              + "); add its CA to the JVM trust store, or set JAMIE_ARGOCD_INSECURE=true for a lab"
              + " install only",
          e);
    }
    String why =
        e instanceof ConnectException
            ? "connection refused"
            : e instanceof UnknownHostException ? "unknown host" : String.valueOf(e.getMessage());
    return new ArgoCdException(
        Kind.UNREACHABLE,
        where
            + " is unreachable ("
            + why
            + "); check JAMIE_ARGOCD_URL and that argocd-server is up",
        e);
  }

  /** The exception for a 2xx answer that is not JSON, typically an SSO login page. */
  ArgoCdException notJson(ArgoCdCall call, String body) {
    return new ArgoCdException(
        Kind.OTHER,
        "Argo CD at "
            + baseUrl
            + " answered "
            + call.describe()
            + " with something that is not JSON ("
            + clip(body)
            + "); check that JAMIE_ARGOCD_URL points at the Argo CD server, not a login proxy");
  }

  private ArgoCdException invalid(ArgoCdCall call, String said) {
    if (said.toLowerCase(Locale.ROOT).contains("auto-sync")) {
      return new ArgoCdException(
          Kind.AUTO_SYNC_ON,
          "Argo CD refused to "
              + call.describe()
              + ": "
              + said
              + "; turn auto-sync off first ("
              + AutoSync.HOW_TO_TURN_OFF.replace("NAME", call.app() == null ? "NAME" : call.app())
              + ")");
    }
    return new ArgoCdException(Kind.INVALID, "Argo CD refused to " + call.describe() + ": " + said);
  }

  /** Argo CD's {@code {"error": …, "message": …}} text, or the start of the body. */
  String argoMessage(String body) {
    if (body == null || body.isBlank()) {
      return "no message";
    }
    try {
      JsonNode node = json.readTree(body);
      String message = node.path("message").asText("");
      if (message.isEmpty()) {
        message = node.path("error").asText("");
      }
      if (!message.isEmpty()) {
        return message;
      }
    } catch (IOException notJson) {
      // plain-text answers (proxies, ingress controllers) are passed through as they are
    }
    return clip(body);
  }

  private static String clip(String body) {
    String flat = body.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_BODY ? flat : flat.substring(0, MAX_BODY) + "…";
  }
}
