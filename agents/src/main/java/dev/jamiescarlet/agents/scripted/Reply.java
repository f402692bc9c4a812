package dev.jamiescarlet.agents.scripted;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the scripted model server answers to one request. */
public sealed interface Reply {

  /** An assistant message; streamed as the given chunks (their concatenation is the full text). */
  record Text(List<String> chunks) implements Reply {
    /** Splits on spaces so a streaming client sees several partial tokens. */
    public static Text of(String text) {
      return new Text(List.of(text.split("(?<= )")));
    }

    String text() {
      return String.join("", chunks);
    }
  }

  /**
   * One tool call. {@code arguments} is sent verbatim as OpenAI's JSON string, so a fixture can
   * send arguments that are not JSON; Ollama sends it as an object and needs valid JSON.
   */
  record ToolCall(String id, String name, String arguments) implements Reply {}

  /** An HTTP error (e.g. 500 or 503) with a plain body and any extra headers (e.g. Retry-After). */
  record Status(int code, String body, Map<String, String> headers) implements Reply {
    public Status {
      headers = Map.copyOf(headers);
    }

    /** An error without extra headers. */
    public Status(int code, String body) {
      this(code, body, Map.of());
    }

    /** An error asking the client to wait, e.g. {@code retryAfter(429, "1")} or an HTTP date. */
    public static Status retryAfter(int code, String retryAfter) {
      return new Status(code, "slow down", Map.of("Retry-After", retryAfter));
    }
  }

  /**
   * A streamed answer whose connection drops after {@code afterChunks} of its chunks, as when a
   * model server restarts mid-answer; a non-streaming request gets nothing but the dropped
   * connection.
   */
  record Cut(Text text, int afterChunks) implements Reply {}

  /** Waits, then answers; a delay longer than the client's timeout is how timeouts are tested. */
  record Slow(Duration delay, Reply then) implements Reply {}

  /** Never answers; the exchange is released only when the server closes. */
  record Hang() implements Reply {}
}
