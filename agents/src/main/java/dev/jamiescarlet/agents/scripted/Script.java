package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An ordered list of steps the scripted server replays, built in Java or loaded from a fixture.
 *
 * <p>Fixture format (YAML or JSON, under {@code src/test/resources/scripted/}):
 *
 * <pre>
 * steps:
 *   - text: "All pods are running."            # or chunks: ["All ", "pods"]
 *   - expect: {lastRole: tool, lastContains: web-1}
 *     toolCall: {name: pods, arguments: '{"namespace":"shop"}'}
 *   - status: 500
 *     body: boom
 *   - status: 429                                # with a Retry-After header (seconds or a date)
 *     retryAfter: "1"
 *   - text: "All pods are running."              # the connection drops after 2 chunks
 *     cutAfter: 2
 *   - delayMillis: 5000                          # wraps whatever else the step says
 *     text: late
 *   - hang: true
 * </pre>
 */
public record Script(List<Step> steps) {
  // an ordered script is consumed by one server; the Responder view below holds the queue

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A script of the given steps, in order. */
  public static Script of(Step... steps) {
    return new Script(List.of(steps));
  }

  /** Loads {@code scripted/<name>} from the classpath. */
  public static Script load(String name) {
    String resource = "scripted/" + name;
    try (InputStream in = Script.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      List<Step> steps = new ArrayList<>();
      for (JsonNode step : YAML.readTree(in).path("steps")) {
        steps.add(step(step));
      }
      return new Script(List.copyOf(steps));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This script as a responder that consumes its steps in order. */
  public Responder responder() {
    return new Sequence(steps);
  }

  private static Step step(JsonNode node) {
    Reply reply = reply(node);
    JsonNode expect = node.path("expect");
    if (expect.isMissingNode()) {
      return Step.reply(reply);
    }
    return Step.whenLast(
        expect.path("lastRole").asText("user"), expect.path("lastContains").asText(""), reply);
  }

  /**
   * The reply a fixture node describes (text, chunks, toolCall, status, hang; retryAfter, cutAfter,
   * delayMillis).
   */
  static Reply reply(JsonNode node) {
    Reply reply;
    if (node.has("text")) {
      reply = Reply.Text.of(node.get("text").asText());
    } else if (node.has("chunks")) {
      List<String> chunks = new ArrayList<>();
      node.get("chunks").forEach(chunk -> chunks.add(chunk.asText()));
      reply = new Reply.Text(List.copyOf(chunks));
    } else if (node.has("toolCall")) {
      JsonNode call = node.get("toolCall");
      reply =
          new Reply.ToolCall(
              call.path("id").asText("call_1"),
              call.path("name").asText(),
              call.path("arguments").asText("{}"));
    } else if (node.has("status") && node.has("retryAfter")) {
      reply =
          new Reply.Status(
              node.get("status").asInt(),
              node.path("body").asText(""),
              java.util.Map.of("Retry-After", node.get("retryAfter").asText()));
    } else if (node.has("status")) {
      reply = new Reply.Status(node.get("status").asInt(), node.path("body").asText(""));
    } else if (node.path("hang").asBoolean(false)) {
      reply = new Reply.Hang();
    } else {
      throw new IllegalArgumentException("step says nothing to answer: " + node);
    }
    if (node.has("cutAfter") && reply instanceof Reply.Text text) {
      reply = new Reply.Cut(text, node.get("cutAfter").asInt());
    }
    if (node.has("delayMillis")) {
      return new Reply.Slow(Duration.ofMillis(node.get("delayMillis").asLong()), reply);
    }
    return reply;
  }
}
