package dev.jamiescarlet.bot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs Web API calls: retries on 429 after {@code Retry-After}, turns failures into fixes. */
final class SlackCalls {

  /** Retries after a 429 before giving up. */
  static final int MAX_RETRIES = 3;

  /** Longer waits than this are not worth blocking a reply for. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);

  /** One Web API call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException, SlackApiException;
  }

  /** Waits; tests substitute one that records instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** What a 429 looks like, from either the Web API or a response_url. */
  record RateLimited(Duration retryAfter) {}

  private final Sleeper sleeper;

  SlackCalls(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /** Runs {@code call}, returning its response when Slack said ok. */
  <T extends SlackApiTextResponse> T run(String method, String channel, Call<T> call) {
    for (int retry = 0; ; retry++) {
      try {
        T response = call.run();
        if (response.isOk()) {
          return response;
        }
        throw failure(method, channel, response.getError(), response.getNeeded(), null);
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
          waitOrGiveUp(method, channel, retry, retryAfter(e.getResponse().header("Retry-After")));
          continue;
        }
        String error = e.getError() == null ? null : e.getError().getError();
        String needed = e.getError() == null ? null : e.getError().getNeeded();
        throw failure(method, channel, error == null ? "http_" + status : error, needed, e);
      } catch (SlackFilesUploadV2Exception e) {
        throw uploadFailure(method, channel, e);
      } catch (IOException e) {
        throw failure(method, channel, "io_error", null, e);
      }
    }
  }

  /** Sleeps for a 429's {@code Retry-After}, or throws when out of retries or the wait is long. */
  void waitOrGiveUp(String method, String channel, int retry, Duration wait) {
    if (retry >= MAX_RETRIES || wait.compareTo(MAX_WAIT) > 0) {
      throw failure(method, channel, "ratelimited", null, null);
    }
    log.warn(
        "Slack rate limited {} for {}; retrying in {}s ({} of {})",
        method,
        channel,
        wait.toSeconds(),
        retry + 1,
        MAX_RETRIES);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(method, channel, "interrupted", null, e);
    }
  }

  /** Builds the exception for a failure and logs it as one line (never with the token). */
  static SlackDeliveryException failure(
      String method, String channel, String error, String needed, Throwable cause) {
    SlackDeliveryException failure =
        "io_error".equals(error)
            ? new SlackDeliveryException(
                method,
                error,
                method + " failed: could not reach Slack (" + cause.getMessage() + ")",
                cause)
            : SlackDeliveryException.of(method, channel, error, needed, cause);
    log.warn("{}", failure.getMessage());
    return failure;
  }

  /** Parses {@code Retry-After} (seconds); Slack always sends it, but assume 1 s if not. */
  static Duration retryAfter(String header) {
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
    } catch (RuntimeException e) {
      return Duration.ofSeconds(1);
    }
  }

  /** {@code Retry-After} from a header map whose names may be in any case. */
  static Duration retryAfter(Map<String, java.util.List<String>> headers) {
    if (headers != null) {
      for (Map.Entry<String, java.util.List<String>> header : headers.entrySet()) {
        if ("retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
          return retryAfter(header.getValue().getFirst());
        }
      }
    }
    return Duration.ofSeconds(1);
  }

  // filesUploadV2 wraps three steps; report the one that failed
  private static SlackDeliveryException uploadFailure(
      String method, String channel, SlackFilesUploadV2Exception e) {
    for (FilesGetUploadURLExternalResponse r : e.getGetURLResponses()) {
      if (!r.isOk()) {
        return failure("files.getUploadURLExternal", channel, r.getError(), r.getNeeded(), e);
      }
    }
    for (FilesUploadV2Response.UploadResponse r : e.getUploadResponses().values()) {
      if (r.getCode() != 200) {
        return failure(method, channel, "upload_http_" + r.getCode(), null, e);
      }
    }
    if (e.getCompleteResponse() != null && !e.getCompleteResponse().isOk()) {
      return failure(
          "files.completeUploadExternal",
          channel,
          e.getCompleteResponse().getError(),
          e.getCompleteResponse().getNeeded(),
          e);
    }
    return failure(method, channel, "upload_failed", null, e);
  }
}
