package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.health.DependencyState;
import dev.jamiescarlet.bot.health.DependencyStatus;
import dev.jamiescarlet.bot.health.HealthReport;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.Golden;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.bot.render.SlackLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
  private static final Instant AT = Instant.parse("2026-11-22T03:00:00Z");

  private static DependencyStatus status(
      String name, String kind, DependencyState state, long ms, String detail) {
    return new DependencyStatus(name, kind, name.equals("mongodb"), state, ms, detail);
  }

  @Test
  void everyDependencyIsListedWithStateLatencyAndFixAsTheGoldenFileSays() {
    // given a report with each state
    HealthReport report =
        new HealthReport(
            AT,
            List.of(
                status(
                    "slack", "slack", DependencyState.UP, 41, "@jamie in Acme · socket connected"),
                status("mongodb", "mongodb", DependencyState.UP, 2, "embedded MongoDB"),
                status("cluster:prod-eu", "kubernetes", DependencyState.UP, 18, "v1.31.0"),
                status(
                    "cluster:staging",
                    "kubernetes",
                    DependencyState.DOWN,
                    3000,
                    "timed out after 3 s; check the API server address of `staging`"),
                status(
                    "model:meta-llama/Llama-3.3-70B-Instruct@vllm:8000",
                    "model",
                    DependencyState.DEGRADED,
                    9,
                    "model meta-llama/Llama-3.3-70B-Instruct not served by http://vllm:8000/v1"),
                status(
                    "grafana",
                    "grafana",
                    DependencyState.NOT_CONFIGURED,
                    0,
                    "set JAMIE_GRAFANA_URL (and JAMIE_GRAFANA_TOKEN) to use Grafana")));
    StatusCommand command = new StatusCommand(() -> report);

    // when
    Message message = command.run(null);
    BlockKitRenderer renderer = new BlockKitRenderer();
    RenderedMessage rendered = renderer.render(message);

    // then
    assertThat(message.text()).isEqualTo("Status: 3 of 5 dependencies up · 1 not configured");
    SlackLimits.assertWithin(rendered);
    Golden.assertMatches("status", renderer.toJson(rendered));
  }

  @Test
  void manyDependenciesStayWithinSlacksBlockLimit() {
    // given 60 clusters
    List<DependencyStatus> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(status("cluster:c" + i, "kubernetes", DependencyState.UP, 1, "v1.31.0"));
    }

    // when
    Message message = new StatusCommand(() -> new HealthReport(AT, many)).run(null);

    // then
    SlackLimits.assertWithin(new BlockKitRenderer().render(message));
    assertThat(message.blocks().toString())
        .contains("15 more not shown", "60 of 60 dependencies up");
  }

  @Test
  void withoutHealthChecksItSaysWhereToLook() {
    // when
    Message message = new StatusCommand(() -> null).run(null);

    // then
    assertThat(message.text()).isEqualTo("Health checks are not running here.");
  }

  @Test
  void statusIsRegisteredAsAReadCommand() {
    // then
    Command status = Commands.standard().find("status").orElseThrow();
    assertThat(status).isInstanceOf(StatusCommand.class).isNotInstanceOf(WriteCommand.class);
  }
}
