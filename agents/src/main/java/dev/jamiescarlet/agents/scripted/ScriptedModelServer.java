package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jamiescarlet.agents.definitions.ModelCatalogue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A real HTTP server on a loopback port that replays a {@link Script} as an OpenAI-compatible
 * ({@code POST /v1/chat/completions}) and Ollama ({@code POST /api/chat}) model, recording every
 * request body, so tests exercise the real LangChain4j clients end to end.
 */
public final class ScriptedModelServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Responder responder;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final LongAdder handled = new LongAdder();
  private final LongAdder handlingNanos = new LongAdder();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();

  static {
    // the JDK server leaves Nagle on, which adds ~40 ms to every streamed reply; vLLM and Ollama
    // turn it off. Read once when the JDK server first starts, so it is set before that.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private ScriptedModelServer(Responder responder, int port) throws IOException {
    this.responder = responder;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/v1/chat/completions", exchange -> handle(exchange, false));
    server.createContext("/api/chat", exchange -> handle(exchange, true));
    // it answers as any model, so it lists the catalogue's, as vLLM and Ollama list theirs
    server.createContext("/v1/models", exchange -> listModels(exchange, false));
    server.createContext("/api/tags", exchange -> listModels(exchange, true));
    // a cached pool so a hanging step never blocks the next request
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a server replaying the script on an ephemeral loopback port. */
  public static ScriptedModelServer start(Script script) throws IOException {
    return new ScriptedModelServer(script.responder(), 0);
  }

  /** Starts a server answering with {@code responder} on a loopback port (0: any free one). */
  public static ScriptedModelServer start(Responder responder, int port) throws IOException {
    return new ScriptedModelServer(responder, port);
  }

  /**
   * The server's root, e.g. {@code http://127.0.0.1:41234}; OpenAI clients want {@code + "/v1"}.
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request body received so far, in order. */
  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** Expectation mismatches and requests beyond the end of the script, plus unused steps. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>(failures);
    problems.addAll(responder.problems());
    return problems;
  }

  /**
   * Requests answered so far, the time spent handling them (read, match, any added latency, write)
   * and the most handled at once, so a benchmark can subtract the model's time from its own.
   */
  public Load load() {
    return new Load(handled.sum(), handlingNanos.sum(), inFlight.get(), peakInFlight.get());
  }

  /** Starts counting the peak of requests in flight afresh, from those in flight now. */
  public void resetPeak() {
    peakInFlight.set(inFlight.get());
  }

  /**
   * What the server has done, see {@link #load()}.
   *
   * @param requests requests handled to the end
   * @param handlingNanos their summed handling time, from reading the body to the last byte
   * @param inFlight requests being handled now
   * @param peakInFlight the most handled at once since the start or {@link #resetPeak()}
   */
  public record Load(long requests, long handlingNanos, int inFlight, int peakInFlight) {}

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange, boolean ollama) throws IOException {
    long start = System.nanoTime();
    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    boolean dropped = false;
    try {
      try {
        respond(exchange, ollama);
      } catch (Dropped e) {
        dropped = true;
        throw e;
      } finally {
        // before the close sends the last chunk: the client still holds its slot until then
        inFlight.decrementAndGet();
      }
    } finally {
      if (!dropped) {
        exchange.close();
      }
      handlingNanos.add(System.nanoTime() - start);
      handled.increment();
    }
  }

  /**
   * Thrown out of the handler without closing the exchange: the JDK server then closes the socket
   * without the last chunk, which the client sees as a connection broken mid-answer.
   */
  private static final class Dropped extends IOException {
    private static final long serialVersionUID = 1L;

    Dropped() {
      super("the script drops this connection");
    }
  }

  private void respond(HttpExchange exchange, boolean ollama) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    requests.add(body);
    Reply reply = responder.answer(body);
    if (reply == null) {
      send(exchange, 500, "application/json", "{\"error\":\"the script has no answer\"}");
      return;
    }
    boolean stream = body.path("stream").asBoolean(false);
    answer(exchange, reply, ollama, stream, body.path("model").asText("scripted"));
  }

  private void answer(
      HttpExchange exchange, Reply reply, boolean ollama, boolean stream, String model)
      throws IOException {
    switch (reply) {
      case Reply.Slow slow -> {
        if (await(slow.delay().toMillis())) {
          answer(exchange, slow.then(), ollama, stream, model);
        }
      }
      case Reply.Hang hang -> await(Long.MAX_VALUE);
      case Reply.Status status -> {
        status.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        send(exchange, status.code(), "text/plain", status.body());
      }
      case Reply.Cut cut -> {
        if (stream) {
          List<String> parts =
              ollama ? OllamaWire.stream(cut.text(), model) : OpenAiWire.stream(cut.text(), model);
          stream(exchange, ollama, parts.subList(0, Math.min(cut.afterChunks(), parts.size())));
        }
        throw new Dropped();
      }
      case Reply.Text text -> body(exchange, text, ollama, stream, model);
      case Reply.ToolCall call -> body(exchange, call, ollama, stream, model);
    }
  }

  private void body(
      HttpExchange exchange, Reply reply, boolean ollama, boolean stream, String model)
      throws IOException {
    if (!stream) {
      String json = ollama ? OllamaWire.complete(reply, model) : OpenAiWire.complete(reply, model);
      send(exchange, 200, "application/json", json);
      return;
    }
    stream(
        exchange,
        ollama,
        ollama ? OllamaWire.stream(reply, model) : OpenAiWire.stream(reply, model));
  }

  private static void stream(HttpExchange exchange, boolean ollama, List<String> parts)
      throws IOException {
    exchange
        .getResponseHeaders()
        .set("Content-Type", ollama ? "application/x-ndjson" : "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    for (String part : parts) {
      // flushed one by one so the client really sees partial responses
      out.write(part.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** Waits until the server closes or the time passes; true if the server is still open. */
  private boolean await(long millis) {
    try {
      return !closed.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void listModels(HttpExchange exchange, boolean ollama) throws IOException {
    try (exchange) {
      ObjectNode root = JSON.createObjectNode();
      ArrayNode list;
      if (ollama) {
        list = root.putArray("models");
      } else {
        root.put("object", "list");
        list = root.putArray("data");
      }
      for (ModelCatalogue.Entry e : ModelCatalogue.shipped().entries()) {
        if (ollama) {
          list.addObject().put("name", e.name()).put("model", e.name());
        } else {
          list.addObject().put("id", e.name()).put("object", "model").put("owned_by", "scripted");
        }
      }
      send(exchange, 200, "application/json", JSON.writeValueAsString(root));
    }
  }

  private static void send(HttpExchange exchange, int code, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
