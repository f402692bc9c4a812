package dev.jamiescarlet.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jamiescarlet.agents.definitions.AgentDefinitions;
import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.bot.testing.TestClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model endpoints answered by a local server speaking vLLM's /v1/models and Ollama's /api/tags. */
class ModelChecksTest {
  private static final String VLLM_MODELS =
      """
      {"object":"list","data":[{"id":"meta-llama/Llama-3.1-8B-Instruct","object":"model",\
      "created":1732200000,"owned_by":"vllm","root":"meta-llama/Llama-3.1-8B-Instruct",\
      "max_model_len":32768}]}""";
  private static final String OLLAMA_TAGS =
      """
      {"models":[{"name":"llama3.1:8b","model":"llama3.1:8b","modified_at":"2026-11-20T10:00:00Z",\
      "size":4920753328,"digest":"46e0c10c039e","details":{"format":"gguf","family":"llama",\
      "parameter_size":"8.0B","quantization_level":"Q4_K_M"}}]}""";

  private HttpServer server;
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/models", e -> answer(e, VLLM_MODELS));
    server.createContext("/api/tags", e -> answer(e, OLLAMA_TAGS));
    server.createContext(
        "/locked/v1/models",
        e -> {
          byte[] body = "{\"error\":\"invalid api key\"}".getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(401, body.length);
          try (OutputStream out = e.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(com.sun.net.httpserver.HttpExchange e, String json) throws IOException {
    authorization.set(e.getRequestHeaders().getFirst("Authorization"));
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().set("Content-Type", "application/json");
    e.sendResponseHeaders(200, body.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(body);
    }
  }

  private static ModelChoice choice(Provider provider, String baseUrl, String model, String key) {
    return new ModelChoice(provider, baseUrl, model, key, Duration.ofSeconds(30), null);
  }

  private static ProbeResult probe(DependencyCheck check) throws Exception {
    return check.probe().run();
  }

  @Test
  void aServedModelIsUpAndTheKeyIsSent() throws Exception {
    // given vLLM serving the 8B model, the key in JAMIE_LLM_API_KEY
    DependencyCheck check =
        ModelChecks.of(
            choice(
                Provider.OPENAI,
                url + "/v1",
                "meta-llama/Llama-3.1-8B-Instruct",
                "JAMIE_LLM_API_KEY"),
            Map.of("JAMIE_LLM_API_KEY", "sk-local"));

    // when
    ProbeResult result = probe(check);

    // then
    assertThat(check.name())
        .isEqualTo(
            "model:meta-llama/Llama-3.1-8B-Instruct@127.0.0.1:" + server.getAddress().getPort());
    assertThat(result.state()).isEqualTo(DependencyState.UP);
    assertThat(authorization.get()).isEqualTo("Bearer sk-local");
  }

  @Test
  void aModelTheEndpointDoesNotListIsDegradedNamingTheFix() throws Exception {
    // given vLLM serving only the 8B model while Scarlet asks for the 70B
    DependencyCheck check =
        ModelChecks.of(
            choice(Provider.OPENAI, url + "/v1", "meta-llama/Llama-3.3-70B-Instruct", null),
            Map.of());

    // when
    ProbeResult result = probe(check);

    // then
    assertThat(result.state()).isEqualTo(DependencyState.DEGRADED);
    assertThat(result.detail())
        .isEqualTo(
            "model meta-llama/Llama-3.3-70B-Instruct not served by "
                + url
                + "/v1 (it serves meta-llama/Llama-3.1-8B-Instruct); serve it (vLLM"
                + " --served-model-name) or fix JAMIE_LLM_MODEL / the agent's model name");
  }

  @Test
  void ollamaTagsAreCheckedAndAMissingTagSaysToPullIt() throws Exception {
    // given Ollama with llama3.1:8b pulled
    DependencyCheck pulled =
        ModelChecks.of(choice(Provider.OLLAMA, url, "llama3.1:8b", null), Map.of());
    DependencyCheck missing =
        ModelChecks.of(choice(Provider.OLLAMA, url, "llama3.3:70b", null), Map.of());

    // when / then
    assertThat(probe(pulled).state()).isEqualTo(DependencyState.UP);
    ProbeResult result = probe(missing);
    assertThat(result.state()).isEqualTo(DependencyState.DEGRADED);
    assertThat(result.detail()).contains("pull it (`ollama pull llama3.3:70b`)");
  }

  @Test
  void aRejectedKeyIsDownNamingTheKeysVariable() throws Exception {
    // given
    DependencyCheck check =
        ModelChecks.of(
            choice(Provider.OPENAI, url + "/locked/v1", "m", "OPENAI_API_KEY"),
            Map.of("OPENAI_API_KEY", "wrong"));

    // when
    ProbeResult result = probe(check);

    // then
    assertThat(result.state()).isEqualTo(DependencyState.DOWN);
    assertThat(result.detail()).startsWith("HTTP 401 from ").endsWith(": check OPENAI_API_KEY");
  }

  @Test
  void anEndpointNobodyListensOnIsDownNamingTheSetting() throws Exception {
    // given a port with nothing on it
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    DependencyCheck check =
        ModelChecks.of(
            choice(Provider.OLLAMA, "http://127.0.0.1:" + port, "llama3.1:8b", null), Map.of());

    // when the probe runs inside the health checks
    HealthReport report = new HealthChecks(() -> List.of(check), new TestClock()).report();

    // then
    DependencyStatus status = report.dependencies().get(0);
    assertThat(status.state()).isEqualTo(DependencyState.DOWN);
    assertThat(status.detail())
        .isEqualTo(
            "connection refused by 127.0.0.1:"
                + port
                + "; check OLLAMA_BASE_URL (http://127.0.0.1:"
                + port
                + ") and that the server runs");
  }

  @Test
  void everyDistinctModelInTheChainsIsCheckedOnceAndUnsetEndpointsAreNotConfigured() {
    // given Jamie's and Scarlet's shipped definitions with only JAMIE_LLM_BASE_URL set
    var agents =
        AgentDefinitions.load(
                null, Map.of("JAMIE_LLM_BASE_URL", url + "/v1"), PromptLibrary.standard(null))
            .all();

    // when
    List<DependencyCheck> checks = ModelChecks.of(agents, Map.of());

    // then
    String host = "@127.0.0.1:" + server.getAddress().getPort();
    assertThat(checks)
        .extracting(DependencyCheck::name)
        .containsExactlyInAnyOrder(
            "model:meta-llama/Llama-3.1-8B-Instruct" + host,
            "model:meta-llama/Llama-3.3-70B-Instruct" + host,
            "model:llama3.1:8b",
            "model:llama3.3:70b");
  }
}
