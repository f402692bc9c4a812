package dev.jamiescarlet.agents.models;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/** Explains a failed model call to an operator and says whether it counts against the model. */
final class Failures {

  private Failures() {}

  /**
   * Whether the failure says something about the model's health; a rejected request (HTTP 400, 413,
   * 422) says something about the request, so it must not open the breaker.
   */
  static boolean countsAgainstModel(Throwable failure) {
    int status = status(failure);
    if (status == 400 || status == 413 || status == 422) {
      return false;
    }
    return !(status < 0 && find(failure, InvalidRequestException.class) != null);
  }

  /**
   * Why the failure is worth one more attempt (server_error, rate_limited, connection_refused,
   * connection_reset, timeout, stream_cut), or null when it is not: another try of a 4xx, an
   * unknown model or an over-long context gets the same answer.
   *
   * @param streamed whether part of the answer had arrived, so a broken connection cut a stream
   */
  static String transientReason(Throwable failure, boolean streamed) {
    int status = status(failure);
    if (status == 429) {
      return "rate_limited";
    }
    if (status >= 500 && status != 501 && status != 505) {
      return "server_error";
    }
    if (status > 0) {
      return null;
    }
    if (find(failure, RateLimitException.class) != null) {
      return "rate_limited";
    }
    if (find(failure, InternalServerException.class) != null) {
      return "server_error";
    }
    if (isTimeout(failure)) {
      return "timeout";
    }
    if (find(failure, ConnectException.class) != null) {
      return "connection_refused";
    }
    if (find(failure, IOException.class) != null) {
      return streamed ? "stream_cut" : "connection_reset";
    }
    return failure instanceof StreamCutException ? "stream_cut" : null;
  }

  /** Whether the endpoint did not answer within the model's timeout. */
  static boolean isTimeout(Throwable failure) {
    return find(failure, TimeoutException.class) != null
        || find(failure, HttpTimeoutException.class) != null
        || find(failure, java.net.SocketTimeoutException.class) != null;
  }

  /** Why the call failed and what to check, e.g. "connection refused: check JAMIE_LLM_BASE_URL". */
  static String describe(Throwable failure, ModelChoice choice) {
    String urlVariable =
        choice.provider() == Provider.OLLAMA ? "OLLAMA_BASE_URL" : "JAMIE_LLM_BASE_URL";
    if (find(failure, ConnectException.class) != null) {
      return "connection refused: is the server running at "
          + choice.baseUrl()
          + "? check "
          + urlVariable
          + " or model.baseUrl";
    }
    if (isTimeout(failure)) {
      return "no answer within "
          + ModelClients.timeout(choice).toSeconds()
          + " s: the endpoint is overloaded or the model too slow; raise model.timeout or check the"
          + " server's load";
    }
    int status = status(failure);
    String detail = status < 0 ? failure.toString() : "HTTP " + status + " " + body(failure);
    if (status == 429) {
      return detail + ": rate limited; lower the bot's concurrency or raise the endpoint's limit";
    }
    if (status == 401 || status == 403) {
      return detail
          + ": the key was refused; check the variable named by apiKeyEnv ("
          + choice.apiKeyEnv()
          + ")";
    }
    if (status == 404) {
      return detail + ": check that the endpoint serves model '" + choice.model() + "'";
    }
    if (status >= 500) {
      return detail + ": the model server failed; check its logs";
    }
    return detail;
  }

  /** A short class of the failure for metrics and spans: the HTTP status, or what went wrong. */
  static String type(Throwable failure) {
    int status = status(failure);
    if (status > 0) {
      return Integer.toString(status);
    }
    if (find(failure, ConnectException.class) != null) {
      return "connection_refused";
    }
    if (isTimeout(failure)) {
      return "timeout";
    }
    return failure.getClass().getName();
  }

  private static int status(Throwable failure) {
    HttpException http = find(failure, HttpException.class);
    return http == null ? -1 : http.statusCode();
  }

  private static String body(Throwable failure) {
    String message = find(failure, HttpException.class).getMessage();
    if (message == null) {
      return "";
    }
    String oneLine = message.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
  }

  static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
