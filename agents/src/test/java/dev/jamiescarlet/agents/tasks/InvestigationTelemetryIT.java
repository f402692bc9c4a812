package dev.jamiescarlet.agents.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.feedback.AgentAnswers;
import dev.jamiescarlet.agents.feedback.AnswerRecord;
import dev.jamiescarlet.agents.models.ModelChain;
import dev.jamiescarlet.agents.models.ModelGuards;
import dev.jamiescarlet.agents.mongo.EmbeddedMongo;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.AgentState;
import dev.jamiescarlet.agents.runtime.Agents;
import dev.jamiescarlet.agents.runtime.Asker;
import dev.jamiescarlet.agents.runtime.Investigation;
import dev.jamiescarlet.agents.runtime.Investigator;
import dev.jamiescarlet.agents.runtime.ToolContexts;
import dev.jamiescarlet.agents.scripted.Dialogue;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.telemetry.AgentTelemetry;
import dev.jamiescarlet.agents.tools.Contexts;
import dev.jamiescarlet.agents.tools.Integrations;
import dev.jamiescarlet.agents.tools.ShopCluster;
import dev.jamiescarlet.agents.usage.ModelPrices;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.telemetry.Telemetry;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scarlet's investigation is one invoke_agent span over its steps' model and tool calls. */
class InvestigationTelemetryIT {
  private static final WorkerSettings SETTINGS =
      new WorkerSettings(Duration.ofSeconds(60), Duration.ofMillis(20), 4, 3);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T20:00:00Z"));
  private EmbeddedMongo mongo;
  private KubernetesMockServer cluster;
  private ClusterRegistry registry;
  private OpenTelemetrySdk otel;
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void setUp() {
    mongo = EmbeddedMongo.inMemory();
    cluster = ShopCluster.start();
    registry = Contexts.registry(cluster.createClient());
    otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();
  }

  @AfterEach
  void tearDown() {
    otel.close();
    registry.close();
    cluster.destroy();
    mongo.close();
  }

  @Test
  void anInvestigationIsOneAgentSpanWithItsStepsCallsAndTheHelpfulShare() throws Exception {
    // given Scarlet, whose earlier answers got one helpful and one unhelpful vote
    AgentAnswers answers = new AgentAnswers(mongo.db(), clock);
    for (boolean helpful : List.of(true, false)) {
      String id =
          answers.record(
              new AnswerRecord(
                  "scarlet", "llama-test-70b", "U0ADA", "C0SHOP", "t", "q", "a", List.of(), null));
      answers.rate(id, "U0ADA", helpful);
    }
    InvestigationCrashIT.Sink sink = new InvestigationCrashIT.Sink();
    try (ScriptedModelServer model =
        ScriptedModelServer.start(
            new Dialogue(InvestigationCrashIT.story(false), Duration.ZERO), 0)) {
      var definition = Agents.scarlet(model.baseUrl());
      AgentRuntime scarlet =
          new AgentRuntime(
              definition,
              new PromptLibrary(null),
              ModelChain.of(
                  definition, new ModelGuards(clock, 3, Duration.ofSeconds(30), 8), Map.of()),
              new AgentState(null, null, answers),
              clock,
              Integrations.NONE,
              AgentTelemetry.of(Telemetry.of(meters, otel), ModelPrices.standard()));
      ToolContexts contexts = InvestigationCrashIT.contexts(registry, clock);
      Tasks tasks = new Tasks(mongo.db(), clock, "replica-A");
      try (TaskWorker worker =
          new TaskWorker(
              tasks,
              Map.of(Investigator.TASK_TYPE, new Investigator(scarlet, contexts, sink)),
              SETTINGS)) {
        Asker ada = new Asker("U0ADA", "C0SHOP", null, "shop", null, Set.of());
        // asked from Slack: the task is created inside the request's span
        Span request = otel.getTracer("test").spanBuilder("slack command /scarlet").startSpan();
        String id;
        try (Scope ignored = request.makeCurrent()) {
          id =
              tasks.create(
                  Investigator.TASK_TYPE,
                  Investigation.payload("why is checkout crashing?", ada, clock.instant()));
        } finally {
          request.end();
        }

        // when it runs to its report
        assertThat(worker.runNow(id)).isTrue();
        Await.until(
            "done", () -> tasks.get(id).map(t -> t.state() == TaskState.DONE).orElse(false));
      }
    }

    // then one agent span holds every model and tool call of its five steps
    assertThat(sink.reports).hasSize(1);
    List<SpanData> finished = spans.getFinishedSpanItems();
    List<SpanData> agents =
        finished.stream().filter(s -> s.getName().equals("invoke_agent scarlet")).toList();
    assertThat(agents).hasSize(1);
    SpanData agent = agents.get(0);
    // in the trace of the Slack request that asked for it, though it ran on the task worker
    SpanData request =
        finished.stream()
            .filter(s -> s.getName().equals("slack command /scarlet"))
            .findFirst()
            .orElseThrow();
    assertThat(agent.getParentSpanId()).isEqualTo(request.getSpanId());
    assertThat(agent.getTraceId()).isEqualTo(request.getTraceId());
    assertThat(agent.getAttributes().get(AttributeKey.stringKey("jamie.outcome")))
        .isEqualTo("reported");
    assertThat(agent.getAttributes().get(AttributeKey.doubleKey("jamie.agent.helpful_ratio_7d")))
        .isEqualTo(0.5);
    List<SpanData> chats = finished.stream().filter(s -> s.getName().startsWith("chat ")).toList();
    List<SpanData> tools =
        finished.stream().filter(s -> s.getName().startsWith("execute_tool ")).toList();
    assertThat(chats).hasSizeGreaterThanOrEqualTo(5);
    assertThat(tools)
        .extracting(SpanData::getName)
        .containsExactly(
            "execute_tool read_logs", "execute_tool list_events", "execute_tool propose_action");
    for (SpanData child : finished) {
      if (child != agent && child != request) {
        assertThat(child.getParentSpanId()).as(child.getName()).isEqualTo(agent.getSpanId());
        assertThat(child.getTraceId()).isEqualTo(agent.getTraceId());
      }
    }
    assertThat(
            meters
                .find("jamie.conversations")
                .tags("agent", "scarlet", "outcome", "success")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            meters
                .find("jamie.tool.calls")
                .tags("tool", "propose_action", "outcome", "ok")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(meters.find("jamie.answers.helpful.ratio").tag("agent", "scarlet").gauge().value())
        .isEqualTo(0.5);
  }
}
