package dev.jamiescarlet.agents.runtime;

import static dev.jamiescarlet.agents.runtime.Agents.ADA;
import static dev.jamiescarlet.agents.runtime.Agents.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.definitions.Access;
import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.definitions.Limits;
import dev.jamiescarlet.agents.definitions.MemorySettings;
import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.jamiescarlet.agents.definitions.ToolFamily;
import dev.jamiescarlet.agents.definitions.Triggers;
import dev.jamiescarlet.agents.models.ModelChain;
import dev.jamiescarlet.agents.models.ModelGuards;
import dev.jamiescarlet.agents.models.RetryPolicy;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.agents.scripted.Dialogue;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Rule;
import dev.jamiescarlet.agents.scripted.Script;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.scripted.Step;
import dev.jamiescarlet.agents.telemetry.AgentTelemetry;
import dev.jamiescarlet.agents.tools.Contexts;
import dev.jamiescarlet.agents.tools.ShopCluster;
import dev.jamiescarlet.agents.usage.ModelPrices;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agents' metrics and GenAI spans, over the real LangChain4j clients talking to the scripted
 * model server (OpenAI and Ollama wire) and the fabric8 mock cluster.
 */
class AgentTelemetryIT {
  private static final String QUESTION = "why is checkout crashing in prod, zebra-quokka?";
  private static final String ANSWER = "checkout cannot reach its database walrus-umbrella [E1].";
  private static final String TOOL_ARGUMENTS =
      "{\"name\":\"checkout\",\"namespace\":\"shop\",\"previous\":true}";

  private static KubernetesMockServer cluster;
  private static ClusterRegistry registry;

  private InMemorySpanExporter spans;
  private OpenTelemetrySdk otel;
  private MeterRegistry meters;
  private AgentTelemetry telemetry;

  @BeforeAll
  static void startCluster() {
    cluster = ShopCluster.start();
    registry = Contexts.registry(cluster.createClient());
  }

  @AfterAll
  static void stopCluster() {
    registry.close();
    cluster.destroy();
  }

  @BeforeEach
  void telemetry() {
    spans = InMemorySpanExporter.create();
    otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
    meters = new SimpleMeterRegistry();
    telemetry = AgentTelemetry.of(Telemetry.of(meters, otel), ModelPrices.standard());
  }

  @AfterEach
  void close() {
    otel.close();
  }

  private static List<Rule> oneToolThenAnswer() {
    return List.of(
        when("user", "checkout", new Reply.ToolCall("c1", "read_logs", TOOL_ARGUMENTS)),
        when("tool", "connection refused", Reply.Text.of(ANSWER)));
  }

  static ModelChoice model(Provider provider, String url, String name) {
    return new ModelChoice(provider, url, name, null, Duration.ofSeconds(5), 0.2);
  }

  static AgentDefinition agent(ModelChoice model, List<ModelChoice> fallbacks, Access access) {
    return new AgentDefinition(
        "jamie",
        "test Jamie",
        List.of("jamie/system"),
        model,
        fallbacks,
        Set.of(ToolFamily.KUBERNETES, ToolFamily.LOGS, ToolFamily.EVENTS),
        new MemorySettings(10, 20, Set.of("channel")),
        new Limits(4, Duration.ofSeconds(30), 1_000_000, 4),
        access,
        new Triggers(List.of("jamie"), List.of("/jamie")),
        "test");
  }

  private AgentRuntime runtime(AgentDefinition d) {
    ModelGuards guards = new ModelGuards(Clock.systemUTC(), 3, Duration.ofSeconds(30), 8);
    return new AgentRuntime(
        d,
        new PromptLibrary(null),
        // retries wait through a no-op sleeper: their waits are the policy's, not this test's
        ModelChain.of(d, guards, Map.of())
            .withRetries(RetryPolicy.standard().withSleeper(delay -> {})),
        AgentState.NONE,
        Clock.systemUTC(),
        dev.jamiescarlet.agents.tools.Integrations.NONE,
        telemetry);
  }

  /** Converses under a span standing for the Slack interaction, as the bot's Work does. */
  private AgentOutcome converseUnder(Span slack, AgentRuntime agent, String question) {
    try (Scope scope = slack.makeCurrent()) {
      return agent.converse(ADA, question, Contexts.cluster(registry), ReplyStream.none());
    } finally {
      slack.end();
    }
  }

  private Span slackSpan() {
    return otel.getTracer("test").spanBuilder("slack interaction").startSpan();
  }

  private List<SpanData> named(String prefix) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getName().startsWith(prefix))
        .toList();
  }

  private static <T> T attr(SpanData span, AttributeKey<T> key) {
    return span.getAttributes().get(key);
  }

  private double count(String name, String... tags) {
    var counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aConversationWithOneToolIsOneTraceOfAgentChatAndToolSpansWithItsMeters() throws IOException {
    try (ScriptedModelServer server =
        ScriptedModelServer.start(new Dialogue(oneToolThenAnswer(), Duration.ZERO), 0)) {
      AgentRuntime jamie =
          runtime(
              agent(
                  model(Provider.OPENAI, server.baseUrl() + "/v1", "gpt-4o-mini"),
                  List.of(),
                  Agents.everyone()));
      Span slack = slackSpan();

      // when
      AgentOutcome outcome = converseUnder(slack, jamie, QUESTION);

      // then one agent span under the Slack span, and the model and tool spans under it
      assertThat(outcome).isInstanceOf(AgentOutcome.Answered.class);
      assertThat(((AgentOutcome.Answered) outcome).text()).isEqualTo(ANSWER);
      List<SpanData> agents = named("invoke_agent");
      assertThat(agents).hasSize(1);
      SpanData agentSpan = agents.get(0);
      assertThat(agentSpan.getName()).isEqualTo("invoke_agent jamie");
      assertThat(agentSpan.getKind()).isEqualTo(SpanKind.INTERNAL);
      assertThat(agentSpan.getParentSpanId()).isEqualTo(slack.getSpanContext().getSpanId());
      assertThat(attr(agentSpan, AttributeKey.stringKey("gen_ai.operation.name")))
          .isEqualTo("invoke_agent");
      assertThat(attr(agentSpan, AttributeKey.stringKey("gen_ai.agent.name"))).isEqualTo("jamie");
      assertThat(attr(agentSpan, AttributeKey.stringKey("jamie.outcome"))).isEqualTo("answered");
      assertThat(agentSpan.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);

      List<SpanData> chats = named("chat ");
      assertThat(chats).hasSize(2);
      List<SpanData> tools = named("execute_tool");
      assertThat(tools).hasSize(1);
      for (SpanData child : concat(chats, tools)) {
        assertThat(child.getTraceId()).isEqualTo(slack.getSpanContext().getTraceId());
        assertThat(child.getParentSpanId()).isEqualTo(agentSpan.getSpanId());
      }
      URI url = URI.create(server.baseUrl());
      for (SpanData chat : chats) {
        assertThat(chat.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(attr(chat, AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
        assertThat(attr(chat, AttributeKey.stringKey("gen_ai.system"))).isEqualTo("openai");
        assertThat(attr(chat, AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("openai");
        assertThat(attr(chat, AttributeKey.stringKey("gen_ai.request.model")))
            .isEqualTo("gpt-4o-mini");
        assertThat(attr(chat, AttributeKey.stringKey("gen_ai.response.model")))
            .isEqualTo("gpt-4o-mini");
        assertThat(attr(chat, AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(10L);
        assertThat(attr(chat, AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(5L);
        assertThat(attr(chat, AttributeKey.doubleKey("gen_ai.request.temperature"))).isEqualTo(0.2);
        assertThat(attr(chat, AttributeKey.stringKey("server.address"))).isEqualTo(url.getHost());
        assertThat(attr(chat, AttributeKey.longKey("server.port"))).isEqualTo((long) url.getPort());
        assertThat(attr(chat, AttributeKey.booleanKey("jamie.model.fallback"))).isFalse();
      }
      assertThat(chats)
          .extracting(c -> attr(c, AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
          .containsExactlyInAnyOrder(List.of("tool_calls"), List.of("stop"));
      SpanData tool = tools.get(0);
      assertThat(tool.getName()).isEqualTo("execute_tool read_logs");
      assertThat(attr(tool, AttributeKey.stringKey("gen_ai.operation.name")))
          .isEqualTo("execute_tool");
      assertThat(attr(tool, AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo("read_logs");
      assertThat(attr(tool, AttributeKey.stringKey("gen_ai.tool.call.id"))).isEqualTo("c1");
      assertThat(attr(tool, AttributeKey.stringKey("jamie.tool.outcome"))).isEqualTo("ok");

      // and the meters, with the contract's tags
      String[] model = {"model", "gpt-4o-mini", "provider", "openai"};
      assertThat(count("jamie.model.requests", with(model, "outcome", "success"))).isEqualTo(2);
      assertThat(count("jamie.model.requests", with(model, "outcome", "error"))).isZero();
      assertThat(meters.find("jamie.model.request").tags(model).timer().count()).isEqualTo(2);
      assertThat(count("jamie.model.tokens", with(model, "type", "input"))).isEqualTo(20);
      assertThat(count("jamie.model.tokens", with(model, "type", "output"))).isEqualTo(10);
      double cost = ModelPrices.standard().costUsd("gpt-4o-mini", 20, 10);
      assertThat(cost).isPositive();
      assertThat(count("jamie.model.cost", "model", "gpt-4o-mini")).isCloseTo(cost, within());
      assertThat(count("jamie.tool.calls", "tool", "read_logs", "outcome", "ok")).isEqualTo(1);
      assertThat(meters.find("jamie.tool.call").tags("tool", "read_logs").timer().count())
          .isEqualTo(1);
      assertThat(count("jamie.conversations", "agent", "jamie", "outcome", "success")).isEqualTo(1);
      assertThat(count("jamie.conversations", "agent", "jamie", "outcome", "failure")).isZero();

      // and no span carries the question, the answer, the tool's arguments or its result
      assertNoText(QUESTION, ANSWER, TOOL_ARGUMENTS, "zebra-quokka", "walrus-umbrella");
      assertNoText("connection refused");
    }
  }

  @Test
  void anInventedToolIsRefusedAndAFailingToolIsAnError() throws IOException {
    List<Rule> rules =
        List.of(
            when(
                "user",
                "ghost",
                new Reply.ToolCall("c1", "delete_namespace", "{\"namespace\":\"shop\"}")),
            // the model insists through the chain's repairs, so the AI service sees the name
            when(
                "tool",
                "was not valid",
                new Reply.ToolCall("c1", "delete_namespace", "{\"namespace\":\"shop\"}")),
            when(
                "tool",
                "no tool called",
                new Reply.ToolCall(
                    "c2", "read_logs", "{\"name\":\"ghost\",\"namespace\":\"shop\"}")),
            when("tool", "Error", Reply.Text.of("There is no pod called ghost.")));
    try (ScriptedModelServer server =
        ScriptedModelServer.start(new Dialogue(rules, Duration.ZERO), 0)) {
      AgentRuntime jamie =
          runtime(
              agent(
                  model(Provider.OPENAI, server.baseUrl() + "/v1", "llama-test"),
                  List.of(),
                  Agents.everyone()));

      AgentOutcome outcome = converseUnder(slackSpan(), jamie, "what does the ghost pod log?");

      assertThat(outcome).isInstanceOf(AgentOutcome.Answered.class);
      assertThat(count("jamie.tool.calls", "tool", "unknown", "outcome", "refused")).isEqualTo(1);
      assertThat(count("jamie.tool.calls", "tool", "read_logs", "outcome", "error")).isEqualTo(1);
      assertThat(meters.find("jamie.tool.calls").tag("tool", "delete_namespace").counters())
          .isEmpty();
      SpanData unknown = named("execute_tool unknown").get(0);
      assertThat(attr(unknown, AttributeKey.stringKey("error.type"))).isEqualTo("unknown_tool");
      SpanData failed = named("execute_tool read_logs").get(0);
      assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(attr(failed, AttributeKey.stringKey("error.type"))).isEqualTo("error");
      assertThat(named("execute_tool")).hasSize(2);
      assertThat(count("jamie.conversations", "agent", "jamie", "outcome", "success")).isEqualTo(1);
    }
  }

  @Test
  void ollamaCallsAreChatSpansOfProviderOllama() throws IOException {
    try (ScriptedModelServer server =
        ScriptedModelServer.start(new Dialogue(oneToolThenAnswer(), Duration.ZERO), 0)) {
      AgentRuntime jamie =
          runtime(
              agent(
                  model(Provider.OLLAMA, server.baseUrl(), "llama3.1:8b"),
                  List.of(),
                  Agents.everyone()));

      AgentOutcome outcome = converseUnder(slackSpan(), jamie, QUESTION);

      assertThat(outcome).isInstanceOf(AgentOutcome.Answered.class);
      List<SpanData> chats = named("chat ");
      assertThat(chats).hasSize(2);
      for (SpanData chat : chats) {
        assertThat(attr(chat, AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("ollama");
        assertThat(attr(chat, AttributeKey.stringKey("gen_ai.system"))).isEqualTo("ollama");
        assertThat(attr(chat, AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(10L);
        assertThat(attr(chat, AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(5L);
      }
      assertThat(named("execute_tool read_logs")).hasSize(1);
      assertThat(
              count(
                  "jamie.model.requests",
                  "model",
                  "llama3.1:8b",
                  "provider",
                  "ollama",
                  "outcome",
                  "success"))
          .isEqualTo(2);
      assertNoText(QUESTION, ANSWER, "zebra-quokka", "walrus-umbrella");
    }
  }

  @Test
  void aFailingModelIsAnErrorCallAnErrorSpanAndAFailedConversation() throws IOException {
    List<Rule> broken =
        List.of(when("user", "", new Reply.Status(500, "internal error near zebra-quokka")));
    try (ScriptedModelServer server =
        ScriptedModelServer.start(new Dialogue(broken, Duration.ZERO), 0)) {
      AgentRuntime jamie =
          runtime(
              agent(
                  model(Provider.OPENAI, server.baseUrl() + "/v1", "llama-test"),
                  List.of(),
                  Agents.everyone()));

      AgentOutcome outcome = converseUnder(slackSpan(), jamie, QUESTION);

      assertThat(outcome).isInstanceOf(AgentOutcome.NoModel.class);
      String[] model = {"model", "llama-test", "provider", "openai"};
      // three attempts (two retries), each an error call
      assertThat(count("jamie.model.requests", with(model, "outcome", "error"))).isEqualTo(3);
      assertThat(count("jamie.model.requests", with(model, "outcome", "success"))).isZero();
      assertThat(count("jamie.model.retries", with(model, "reason", "server_error"))).isEqualTo(2);
      assertThat(meters.find("jamie.model.request").tags(model).timer().count()).isEqualTo(3);
      assertThat(count("jamie.conversations", "agent", "jamie", "outcome", "failure")).isEqualTo(1);
      assertThat(count("jamie.conversations", "agent", "jamie", "outcome", "success")).isZero();
      SpanData chat = named("chat ").get(0);
      assertThat(chat.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(attr(chat, AttributeKey.stringKey("error.type"))).isEqualTo("500");
      SpanData agentSpan = named("invoke_agent").get(0);
      assertThat(agentSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(attr(agentSpan, AttributeKey.stringKey("jamie.outcome"))).isEqualTo("no_model");
      assertThat(attr(agentSpan, AttributeKey.stringKey("error.type"))).isEqualTo("no_model");
      assertThat(chat.getParentSpanId()).isEqualTo(agentSpan.getSpanId());
      assertNoText(QUESTION);
    }
  }

  @Test
  void aRetriedServerErrorIsCountedAndMarkedOnTheChatSpans() throws IOException {
    // given: the model fails once with a 500, then answers
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    meters = prometheus;
    telemetry = AgentTelemetry.of(Telemetry.of(prometheus, otel), ModelPrices.standard());
    try (ScriptedModelServer server =
        ScriptedModelServer.start(
            Script.of(
                Step.reply(new Reply.Status(500, "CUDA out of memory")),
                Step.reply(Reply.Text.of(ANSWER))))) {
      AgentRuntime jamie =
          runtime(
              agent(
                  model(Provider.OPENAI, server.baseUrl() + "/v1", "llama-test"),
                  List.of(),
                  Agents.everyone()));

      // when
      AgentOutcome outcome = converseUnder(slackSpan(), jamie, "status?");

      // then: the answer, one retry counted, and the two chat spans tell the story
      assertThat(outcome).isInstanceOf(AgentOutcome.Answered.class);
      String[] model = {"model", "llama-test", "provider", "openai"};
      assertThat(count("jamie.model.retries", with(model, "reason", "server_error"))).isEqualTo(1);
      assertThat(count("jamie.model.requests", with(model, "outcome", "success"))).isEqualTo(1);
      List<SpanData> chats = named("chat llama-test");
      assertThat(chats).hasSize(2);
      SpanData failed =
          chats.stream().filter(c -> attr(c, RETRY_ATTEMPT) == 1L).findFirst().orElseThrow();
      SpanData retried =
          chats.stream().filter(c -> attr(c, RETRY_ATTEMPT) == 2L).findFirst().orElseThrow();
      assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(failed.getEvents())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getName()).isEqualTo("jamie.model.retry");
                assertThat(e.getAttributes().get(AttributeKey.stringKey("jamie.retry.reason")))
                    .isEqualTo("server_error");
                assertThat(e.getAttributes().get(RETRY_ATTEMPT)).isEqualTo(2L);
              });
      assertThat(retried.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
      assertThat(prometheus.scrape())
          .contains(
              "jamie_model_retries_total{model=\"llama-test\",provider=\"openai\",reason=\"server_error\"}");
      assertThat(server.problems()).isEmpty();
    }
  }

  private static final AttributeKey<Long> RETRY_ATTEMPT =
      AttributeKey.longKey("jamie.retry.attempt");

  @Test
  void aFallbackAfterAnUnreachablePrimaryIsMarkedAsOne() throws IOException {
    ScriptedModelServer dead =
        ScriptedModelServer.start(
            new Dialogue(List.of(when("user", "", Reply.Text.of("x"))), Duration.ZERO), 0);
    String deadUrl = dead.baseUrl();
    dead.close();
    try (ScriptedModelServer server =
        ScriptedModelServer.start(
            new Dialogue(List.of(when("user", "", Reply.Text.of(ANSWER))), Duration.ZERO), 0)) {
      AgentRuntime jamie =
          runtime(
              agent(
                  model(Provider.OPENAI, deadUrl + "/v1", "primary-model"),
                  List.of(model(Provider.OPENAI, server.baseUrl() + "/v1", "fallback-model")),
                  Agents.everyone()));

      AgentOutcome outcome = converseUnder(slackSpan(), jamie, QUESTION);

      assertThat(outcome).isInstanceOf(AgentOutcome.Answered.class);
      SpanData primary = named("chat primary-model").get(0);
      SpanData fallback = named("chat fallback-model").get(0);
      assertThat(attr(primary, AttributeKey.booleanKey("jamie.model.fallback"))).isFalse();
      assertThat(primary.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(attr(primary, AttributeKey.stringKey("error.type")))
          .isEqualTo("connection_refused");
      assertThat(attr(fallback, AttributeKey.booleanKey("jamie.model.fallback"))).isTrue();
      assertThat(fallback.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
      assertThat(
              count(
                  "jamie.model.requests",
                  "model",
                  "primary-model",
                  "provider",
                  "openai",
                  "outcome",
                  "error"))
          .as("a refused connection is tried three times before the fallback")
          .isEqualTo(3);
      assertThat(count("jamie.conversations", "agent", "jamie", "outcome", "success")).isEqualTo(1);
    }
  }

  @Test
  void aRefusalBeforeAnyWorkIsARefusalNotAConversation() throws IOException {
    try (ScriptedModelServer server =
        ScriptedModelServer.start(new Dialogue(oneToolThenAnswer(), Duration.ZERO), 0)) {
      AgentRuntime onlyBob =
          runtime(
              agent(
                  model(Provider.OPENAI, server.baseUrl() + "/v1", "llama-test"),
                  List.of(),
                  new Access(List.of("U0BOB"), List.of(), List.of())));

      AgentOutcome outcome = converseUnder(slackSpan(), onlyBob, QUESTION);

      assertThat(outcome).isInstanceOf(AgentOutcome.Refused.class);
      assertThat(count("jamie.agent.refusals", "agent", "jamie", "reason", "access")).isEqualTo(1);
      assertThat(meters.find("jamie.conversations").counters()).isEmpty();
      assertThat(named("invoke_agent")).isEmpty();
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void prometheusRendersTheChartsContractNames() throws IOException {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    telemetry = AgentTelemetry.of(Telemetry.of(prometheus, otel), ModelPrices.standard());
    try (ScriptedModelServer server =
        ScriptedModelServer.start(new Dialogue(oneToolThenAnswer(), Duration.ZERO), 0)) {
      AgentRuntime jamie =
          runtime(
              agent(
                  model(Provider.OPENAI, server.baseUrl() + "/v1", "gpt-4o-mini"),
                  List.of(),
                  Agents.everyone()));

      converseUnder(slackSpan(), jamie, QUESTION);

      String scrape = prometheus.scrape();
      assertThat(scrape)
          .contains("jamie_model_request_seconds_bucket{")
          .contains("jamie_model_requests_total{")
          .contains("jamie_conversations_total{")
          .contains("jamie_model_tokens_total{")
          .contains("jamie_model_cost_usd_total{")
          .contains("jamie_tool_calls_total{")
          .contains("jamie_tool_call_seconds_count{");
      assertThat(scrape)
          .containsPattern(
              "jamie_model_requests_total\\{[^}]*model=\"gpt-4o-mini\"[^}]*outcome=\"success\"")
          .containsPattern("jamie_conversations_total\\{[^}]*outcome=\"success\"");
    }
  }

  private void assertNoText(String... texts) {
    for (SpanData span : spans.getFinishedSpanItems()) {
      String everything =
          span.getName()
              + " "
              + span.getAttributes()
              + " "
              + span.getStatus().getDescription()
              + " "
              + span.getEvents();
      for (String text : texts) {
        assertThat(everything).as(span.getName()).doesNotContain(text);
      }
    }
  }

  private static String[] with(String[] tags, String key, String value) {
    String[] all = java.util.Arrays.copyOf(tags, tags.length + 2);
    all[tags.length] = key;
    all[tags.length + 1] = value;
    return all;
  }

  private static List<SpanData> concat(List<SpanData> a, List<SpanData> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }
}
