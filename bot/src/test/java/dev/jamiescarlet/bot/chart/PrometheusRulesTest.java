package dev.jamiescarlet.bot.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's PrometheusRule, checked and unit-tested by the real {@code promtool}: each alert
 * fires on series that break its threshold and stays quiet on healthy ones.
 */
class PrometheusRulesTest {
  private static final String SEL = "namespace=\"ops\", job=\"jamie\"";
  private static final List<String> ALERTS =
      List.of(
          "JamieModelLatencyHigh",
          "JamieModelLatencyCritical",
          "JamieModelErrors",
          "JamieVectorSearchSlow",
          "JamieSlackApiFailures",
          "JamieCrashLooping",
          "JamieConversationSuccessLow");

  @TempDir static Path dir;
  private static Path promtool;
  private static Map<String, Object> spec;

  @BeforeAll
  static void renderRules() {
    promtool = promtool();
    GenericKubernetesResource rule =
        (GenericKubernetesResource)
            RenderedChart.renderFile("http-hpa-values.yaml").ofKind("PrometheusRule").get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> s = (Map<String, Object>) rule.getAdditionalProperties().get("spec");
    spec = s;
  }

  @Test
  void promtoolAcceptsTheRulesAndTheirTemplates() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.yaml"), Serialization.asYaml(spec));

    assertThat(run("check", "rules", rules.toString())).contains("SUCCESS: 7 rules found");
  }

  @Test
  void eachAlertFiresOnBadSeriesAndNotOnGoodOnes() throws Exception {
    // annotations hold $value; promtool compares them too, so the unit test checks expr, for and
    // labels
    String plain = Serialization.asYaml(spec).replaceAll("(?m)^ *annotations:\\n( {6,}.*\\n)+", "");
    Files.writeString(dir.resolve("plain.yaml"), plain);
    Path test = Files.writeString(dir.resolve("test.yaml"), unitTests());

    assertThat(run("test", "rules", test.toString())).contains("SUCCESS");
  }

  private static String unitTests() {
    StringBuilder y = new StringBuilder();
    y.append("rule_files: [plain.yaml]\nevaluation_interval: 1m\ntests:\n");
    // unhealthy: p95 model latency 14.75 s, 10% model errors, p95 vector search 2.4 s,
    // 0.5/s failed Slack calls, a crash loop, 80% successful conversations
    y.append("  - interval: 1m\n    input_series:\n");
    histogram(y, "jamie_model_request_seconds_bucket", ", model=\"llama\"", "15", 1, 5, 10, 15);
    histogram(y, "jamie_vector_search_seconds_bucket", "", "2.5", 0.1, 0.5, 1, 2.5);
    series(y, "jamie_model_requests_total{" + SEL + ", model=\"llama\", outcome=\"error\"}", 1);
    series(y, "jamie_model_requests_total{" + SEL + ", model=\"llama\", outcome=\"success\"}", 9);
    series(
        y,
        "jamie_slack_api_calls_total{" + SEL + ", method=\"chat.postMessage\", outcome=\"error\"}",
        30);
    series(y, "jamie_conversations_total{" + SEL + ", outcome=\"success\"}", 8);
    series(y, "jamie_conversations_total{" + SEL + ", outcome=\"failure\"}", 2);
    y.append(
        "      - series: 'kube_pod_container_status_waiting_reason{namespace=\"ops\","
            + " container=\"jamie\", reason=\"CrashLoopBackOff\", pod=\"jamie-1\"}'\n"
            + "        values: '1x100'\n");
    y.append("    alert_rule_test:\n");
    fires(y, "JamieModelLatencyHigh", "{severity: warning, model: llama}");
    fires(y, "JamieModelLatencyCritical", "{severity: critical, model: llama}");
    fires(y, "JamieModelErrors", "{severity: warning, model: llama}");
    fires(y, "JamieVectorSearchSlow", "{severity: warning}");
    fires(y, "JamieSlackApiFailures", "{severity: warning, method: chat.postMessage}");
    fires(y, "JamieCrashLooping", "{severity: critical, pod: jamie-1}");
    fires(y, "JamieConversationSuccessLow", "{severity: warning}");
    // healthy: fast answers and searches, 1% model errors, Slack fine, 95% successful conversations
    y.append("  - interval: 1m\n    input_series:\n");
    histogram(y, "jamie_model_request_seconds_bucket", ", model=\"llama\"", "1", 1, 5, 10, 15);
    histogram(y, "jamie_vector_search_seconds_bucket", "", "0.1", 0.1, 0.5, 1, 2.5);
    series(y, "jamie_model_requests_total{" + SEL + ", model=\"llama\", outcome=\"error\"}", 1);
    series(y, "jamie_model_requests_total{" + SEL + ", model=\"llama\", outcome=\"success\"}", 99);
    series(
        y,
        "jamie_slack_api_calls_total{" + SEL + ", method=\"chat.postMessage\", outcome=\"ok\"}",
        30);
    series(y, "jamie_conversations_total{" + SEL + ", outcome=\"success\"}", 19);
    series(y, "jamie_conversations_total{" + SEL + ", outcome=\"failure\"}", 1);
    y.append("    alert_rule_test:\n");
    for (String alert : ALERTS) {
      y.append("      - eval_time: 90m\n        alertname: ")
          .append(alert)
          .append("\n        exp_alerts: []\n");
    }
    return y.toString();
  }

  /** A histogram whose observations (10 a minute) all fall in the bucket {@code le=hit}. */
  private static void histogram(
      StringBuilder y, String name, String labels, String hit, double... bounds) {
    boolean reached = false;
    for (double bound : bounds) {
      String le = bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
      reached |= le.equals(hit);
      series(y, name + "{" + SEL + labels + ", le=\"" + le + "\"}", reached ? 10 : 0);
    }
    series(y, name + "{" + SEL + labels + ", le=\"+Inf\"}", 10);
  }

  private static void series(StringBuilder y, String selector, int perMinute) {
    y.append("      - series: '")
        .append(selector)
        .append("'\n        values: '0+")
        .append(perMinute)
        .append("x100'\n");
  }

  private static void fires(StringBuilder y, String alert, String labels) {
    y.append("      - eval_time: 90m\n        alertname: ")
        .append(alert)
        .append("\n        exp_alerts:\n          - exp_labels: ")
        .append(labels)
        .append('\n');
  }

  private static String run(String... args) throws IOException, InterruptedException {
    List<String> command =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(promtool.toString()), List.of(args).stream())
            .toList();
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("promtool %s:%n%s", String.join(" ", args), out).isZero();
    return out;
  }

  /** promtool from the PATH; skips the test without it unless JAMIE_REQUIRE_MONITORING=1. */
  private static Path promtool() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(File.pathSeparator)) {
        Path candidate = Path.of(entry.isEmpty() ? "." : entry, "promtool");
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String message = "No promtool on the PATH; install it with `apt-get install prometheus`";
    if ("1".equals(System.getenv("JAMIE_REQUIRE_MONITORING"))) {
      throw new IllegalStateException(
          message + " (JAMIE_REQUIRE_MONITORING=1 makes this a failure)");
    }
    Assumptions.abort(message + "; skipping (set JAMIE_REQUIRE_MONITORING=1 to fail instead)");
    return null;
  }
}
