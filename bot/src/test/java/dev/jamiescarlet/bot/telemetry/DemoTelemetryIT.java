package dev.jamiescarlet.bot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.memory.MemoryServices;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo bot with its OTLP endpoint pointed at a local receiver: Slack interactions arrive as
 * traces (Slack request → command), and GET /metrics publishes the metrics the Helm chart's rules
 * and dashboard read.
 */
class DemoTelemetryIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SHOP = "C0SHOP";
  private static final String ADA = "U0ADA";

  private static OtlpReceiver receiver;
  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void startDemo() throws Exception {
    receiver = OtlpReceiver.start();
    demo =
        Demo.start(
            Map.of(
                "JAMIE_SANDBOX_PORT",
                "0",
                "JAMIE_HTTP_PORT",
                "0",
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                receiver.endpoint(),
                "OTEL_EXPORTER_OTLP_HEADERS",
                "Authorization=Bearer%20otlp-t0ken,Comet-Workspace=platform",
                "OTEL_SERVICE_NAME",
                "jamie-under-test",
                Demo.SCRIPTED_MODEL,
                "true"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
    MemoryServices memory = demo.bot().memory();
    memory.model().awaitReady();
    memory.syncNow();
  }

  @AfterAll
  static void stop() {
    if (demo != null) {
      demo.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void aSlashCommandIsOneTraceFromTheSlackRequestToTheCommand() throws Exception {
    // when Ada lists the pods in #shop
    String since = slack.post(SHOP, ADA, "/jamie pods -n shop");
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("checkout"), WAIT);
    demo.bot().telemetry().flush();

    // then the receiver got the command's span, a child of the Slack request's span
    OtlpReceiver.Received command =
        receiver.await(s -> s.name().equals("command pods"), WAIT).orElseThrow();
    OtlpReceiver.Received request =
        receiver
            .await(
                s -> s.spanId().equals(command.parentId()) && s.name().startsWith("slack "), WAIT)
            .orElseThrow();
    assertThat(request.name()).isEqualTo("slack command /jamie");
    assertThat(request.traceId()).isEqualTo(command.traceId());
    assertThat(request.span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(request.attributes())
        .containsEntry("slack.request_type", "command")
        .containsEntry("slack.command", "/jamie")
        .containsEntry("slack.user_id", ADA)
        .containsEntry("slack.channel_id", SHOP);
    assertThat(command.attributes())
        .containsEntry("jamie.command.verb", "pods")
        .containsEntry("jamie.command.outcome", "ok");
    // with the configured service name and headers, as protobuf
    assertThat(command.resource()).containsEntry("service.name", "jamie-under-test");
    assertThat(command.headers())
        .containsEntry("authorization", "Bearer otlp-t0ken")
        .containsEntry("comet-workspace", "platform");
    assertThat(receiver.contentTypes()).allMatch("application/x-protobuf"::equals);
    // and nothing Ada typed is in any span
    assertThat(receiver.spans())
        .flatMap(s -> List.copyOf(s.attributes().values()))
        .noneMatch(v -> v.contains("-n shop"));
  }

  @Test
  void metricsCountCommandsSlackCallsAlertsApprovalsAndMemorySearches() throws Exception {
    // given a command by mention, an unknown verb, a runbook search, a write proposal, and two
    // webhook deliveries (one with a wrong token)
    String since = slack.post(SHOP, ADA, "@jamie deployments -n shop");
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("checkout"), WAIT);
    since = slack.post(SHOP, ADA, "/jamie frobnicate");
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("frobnicate"), WAIT);
    since = slack.post(SHOP, ADA, "/jamie runbook container keeps restarting");
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("Runbooks for"), WAIT);
    since = slack.post(SHOP, ADA, "/jamie restart deploy/frontend -n shop");
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("approval.confirm"), WAIT);
    assertThat(hook("Bearer " + Demo.HOOK_TOKEN)).isEqualTo(200);
    assertThat(hook("Bearer wrong")).isEqualTo(401);

    // when Prometheus scrapes the bot
    HttpResponse<String> scrape = scrape();

    // then it gets the text format with every one of them
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    String metrics = scrape.body();
    assertThat(value(metrics, "jamie_commands_total", "outcome=\"ok\",verb=\"deployments\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "jamie_commands_total", "outcome=\"unknown_verb\",verb=\"unknown\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "jamie_commands_total", "outcome=\"ok\",verb=\"runbook\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            value(
                metrics,
                "jamie_slack_api_calls_total",
                "method=\"chat.postMessage\",outcome=\"ok\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "jamie_slack_ack_seconds_count", "outcome=\"ok\",type=\"command\""))
        .isGreaterThanOrEqualTo(3);
    assertThat(value(metrics, "jamie_slack_ack_seconds_count", "outcome=\"ok\",type=\"event\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(metrics).contains("jamie_slack_ack_seconds_bucket{");
    assertThat(
            value(
                metrics, "jamie_alert_deliveries_total", "source=\"alertmanager\",status=\"200\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            value(
                metrics, "jamie_alert_deliveries_total", "source=\"alertmanager\",status=\"401\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "jamie_approvals_total", "phase=\"requested\",verb=\"restart\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "jamie_vector_search_seconds_count", "path=\"exact\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(metrics).contains("jamie_vector_search_seconds_bucket{");
    assertThat(value(metrics, "jamie_memory_entries", "kind=\"runbook\"")).isGreaterThan(0);
    assertThat(metrics).contains("jvm_memory_used_bytes");
    // and the dependencies' last health round
    assertThat(value(metrics, "jamie_dependency_up", "dependency=\"mongodb\"")).isEqualTo(1.0);
    assertThat(value(metrics, "jamie_dependency_up", "dependency=\"cluster:demo\"")).isEqualTo(1.0);
    assertThat(metrics).contains("jamie_dependency_latency_seconds{");

    // and each webhook delivery was a server span with its status
    demo.bot().telemetry().flush();
    assertThat(
            receiver.await(
                s ->
                    s.name().equals("POST /hooks/alertmanager")
                        && "401".equals(s.attributes().get("http.response.status_code"))
                        && s.span().getKind() == Span.SpanKind.SPAN_KIND_SERVER,
                WAIT))
        .isPresent();
  }

  @Test
  void aMentionIsOneTraceFromSlackThroughTheAgentToItsModelAndToolCalls() throws Exception {
    // when Ada asks Jamie (the demo's scripted model over the real OpenAI wire)
    String since = slack.post(SHOP, ADA, "@jamie why is checkout crashing?");
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("Helpful"), WAIT);
    demo.bot().telemetry().flush();

    // then the agent's span hangs under the Slack event's span
    OtlpReceiver.Received agent =
        receiver.await(s -> s.name().equals("invoke_agent jamie"), WAIT).orElseThrow();
    OtlpReceiver.Received event =
        receiver.await(s -> s.spanId().equals(agent.parentId()), WAIT).orElseThrow();
    assertThat(event.name()).isEqualTo("slack event app_mention");
    assertThat(agent.attributes())
        .containsEntry("gen_ai.operation.name", "invoke_agent")
        .containsEntry("gen_ai.agent.name", "jamie")
        .containsEntry("jamie.outcome", "answered");
    // and its model and tool calls hang under the agent, with the GenAI attributes
    OtlpReceiver.Received tool =
        receiver
            .await(
                s ->
                    s.name().equals("execute_tool read_logs")
                        && s.parentId().equals(agent.spanId()),
                WAIT)
            .orElseThrow();
    assertThat(tool.attributes()).containsEntry("gen_ai.tool.name", "read_logs");
    List<OtlpReceiver.Received> chats =
        receiver.spans().stream()
            .filter(s -> s.name().startsWith("chat ") && s.parentId().equals(agent.spanId()))
            .toList();
    assertThat(chats).isNotEmpty();
    assertThat(chats)
        .allSatisfy(
            c ->
                assertThat(c.attributes())
                    .containsEntry("gen_ai.operation.name", "chat")
                    .containsKeys(
                        "gen_ai.request.model",
                        "gen_ai.usage.input_tokens",
                        "gen_ai.usage.output_tokens",
                        "server.address"));
    assertThat(chats.get(0).span().getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    // and all of it is one trace
    assertThat(List.of(event.traceId(), tool.traceId(), chats.get(0).traceId()))
        .containsOnly(agent.traceId());
    // with nothing of the question or the answer in it
    assertThat(receiver.spans())
        .flatMap(s -> List.copyOf(s.attributes().values()))
        .noneMatch(v -> v.contains("crashing") || v.contains("Connection refused"));
  }

  @Test
  void aScarletInvestigationJoinsTheTraceOfTheSlashCommandThatAskedForIt() throws Exception {
    // when Ada asks Scarlet (the run is a MongoDB task, picked up by the task worker)
    String since = slack.post(SHOP, ADA, "/scarlet investigate why is catalog restarting");
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("Scarlet's report"), WAIT);
    demo.bot().telemetry().flush();

    // then Scarlet's span is a child of the slash command's span, in its trace
    OtlpReceiver.Received agent =
        receiver.await(s -> s.name().equals("invoke_agent scarlet"), WAIT).orElseThrow();
    OtlpReceiver.Received request =
        receiver.await(s -> s.spanId().equals(agent.parentId()), WAIT).orElseThrow();
    assertThat(request.name()).isEqualTo("slack command /scarlet");
    assertThat(request.traceId()).isEqualTo(agent.traceId());
    assertThat(agent.attributes()).containsEntry("jamie.outcome", "reported");
    assertThat(
            receiver.spans().stream()
                .filter(s -> s.name().startsWith("execute_tool "))
                .filter(s -> s.parentId().equals(agent.spanId())))
        .isNotEmpty();
  }

  @Test
  void everyMetricTheChartsRulesAndDashboardReadIsPublished() throws Exception {
    // given one conversation, so the agents' meters exist
    String since = slack.post(SHOP, ADA, "@jamie why is checkout crashing?");
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("Helpful"), WAIT);
    // (a runbook search, so the memory's do too)
    since = slack.post(SHOP, ADA, "/jamie runbook crashloop");
    slack.awaitMessage(SHOP, since, m -> m.toString().contains("Runbooks for"), WAIT);

    String metrics = scrape().body();
    Path chart = chartDir();
    Set<String> read = new TreeSet<>();
    read.addAll(names(Files.readString(chart.resolve("templates/prometheusrule.yaml"))));
    read.addAll(names(Files.readString(chart.resolve("dashboards/jamie.json"))));
    assertThat(read).contains("jamie_model_request_seconds", "jamie_conversations_total");

    Set<String> published = names(metrics);
    assertThat(published).containsAll(read);
    assertThat(value(metrics, "jamie_conversations_total", "outcome=\"success\""))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(metrics, "jamie_tool_calls_total", "outcome=\"ok\",tool=\"read_logs\""))
        .isGreaterThanOrEqualTo(1);
  }

  /** What Prometheus gets from the bot's {@code GET /metrics}. */
  private static HttpResponse<String> scrape() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + demo.bot().httpPort() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** Metric base names in a text: histogram series count as their histogram. */
  private static Set<String> names(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\\bjamie_[a-z_]+").matcher(text);
    while (m.find()) {
      out.add(m.group().replaceAll("_(bucket|sum|count|max)$", ""));
    }
    return out;
  }

  private static Path chartDir() {
    Path here = Path.of("").toAbsolutePath();
    Path chart = here.resolve("charts/jamie");
    return Files.isDirectory(chart) ? chart : here.getParent().resolve("charts/jamie");
  }

  private static int hook(String authorization) throws Exception {
    String body =
        "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"jamie\",\"groupKey\":\"{}:{alertname=\\\"Telemetry\\\"}\","
            + "\"groupLabels\":{\"alertname\":\"Telemetry\"},\"commonLabels\":{\"alertname\":\"Telemetry\"},"
            + "\"commonAnnotations\":{},\"externalURL\":\"http://am\",\"alerts\":[{\"status\":\"firing\","
            + "\"labels\":{\"alertname\":\"Telemetry\",\"namespace\":\"shop\"},\"annotations\":{},"
            + "\"startsAt\":\"2026-11-22T00:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\","
            + "\"fingerprint\":\"feedbeef\"}]}";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + demo.bot().httpPort() + "/hooks/alertmanager"))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** The sample of {@code name} whose labels contain {@code labels}; fails when there is none. */
  static double value(String metrics, String name, String labels) {
    Matcher m =
        Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    while (m.find()) {
      if (m.group(1).contains(labels)) {
        return Double.parseDouble(m.group(2));
      }
    }
    throw new AssertionError("no " + name + "{" + labels + "} in:\n" + grep(metrics, name));
  }

  private static String grep(String metrics, String name) {
    return String.join(
        "\n",
        metrics.lines().filter(l -> l.startsWith(name.replaceAll("_(total|count)$", ""))).toList());
  }
}
