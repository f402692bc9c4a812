package dev.jamiescarlet.agents.scripted;

import java.time.Duration;
import java.util.List;

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

  /** An HTTP error (e.g. 500 or 503) with a plain body. */
  record Status(int code, String body) implements Reply {}

  /** Waits, then answers; a delay longer than the client's timeout is how timeouts are tested. */
  record Slow(Duration delay, Reply then) implements Reply {}

  /** Never answers; the exchange is released only when the server closes. */
  record Hang() implements Reply {}
}
