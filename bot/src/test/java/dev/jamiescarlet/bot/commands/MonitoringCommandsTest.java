package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.FileUpload;
import dev.jamiescarlet.bot.render.Golden;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitoringCommandsTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private final FakeMonitoringServer server = new FakeMonitoringServer();
  private final Monitoring monitoring =
      new Monitoring(PrometheusClient.of(server.url()), AlertmanagerClient.of(server.url()));
  private final CommandRunner runner =
      new CommandRunner(
          new Commands(
              List.of(
                  new GraphCommand(() -> monitoring),
                  new QueryCommand(() -> monitoring),
                  new AlertsCommand(() -> monitoring))));
  private final CommandRunner unconfigured =
      new CommandRunner(
          new Commands(
              List.of(
                  new GraphCommand(() -> Monitoring.NONE),
                  new QueryCommand(() -> Monitoring.NONE),
                  new AlertsCommand(() -> Monitoring.NONE))));

  @AfterEach
  void stop() {
    server.close();
  }

  private static CommandContext context() {
    CommandContext base = new FakeCluster().context();
    return new CommandContext(
        base.userId(),
        base.channelId(),
        null,
        base.clusters(),
        base.kubernetes(),
        base.commands(),
        Clock.fixed(NOW, ZoneOffset.UTC),
        null,
        null);
  }

  private static String allText(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  private static final String VECTOR =
      """
      {"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"__name__":"up","job":"prometheus","instance":"localhost:9090"},"value":[1795780800,"1"]},
        {"metric":{"__name__":"up","job":"node","instance":"node-1:9100"},"value":[1795780800,"0"]}]}}
      """;

  private static final String MATRIX =
      """
      {"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"pod":"checkout-1"},"values":[[1795777200,"0.5"],[1795779000,"1.25"],[1795780800,"2"]]},
        {"metric":{"pod":"checkout-2"},"values":[[1795777200,"3"],[1795780800,"4"]]}]}}
      """;

  private static final String ALERTS =
      """
      [{"labels":{"alertname":"KubePodCrashLooping","severity":"critical","namespace":"shop","pod":"checkout-1"},
        "annotations":{"summary":"checkout-1 restarts over and over"},"fingerprint":"a1",
        "status":{"state":"active","silencedBy":[],"inhibitedBy":[]},
        "startsAt":"2026-11-21T11:15:00Z","endsAt":"2026-11-21T13:00:00Z","updatedAt":"2026-11-21T11:59:00Z",
        "generatorURL":"http://prom/graph","receivers":[{"name":"slack"}]},
       {"labels":{"alertname":"HighLatency","severity":"warning","namespace":"shop"},
        "annotations":{"summary":"p99 above 500ms"},"fingerprint":"b2",
        "status":{"state":"active","silencedBy":[],"inhibitedBy":[]},
        "startsAt":"2026-11-21T09:00:00Z","endsAt":"2026-11-21T13:00:00Z","updatedAt":"2026-11-21T11:59:00Z",
        "generatorURL":"http://prom/graph","receivers":[{"name":"slack"}]}]
      """;

  @Test
  void queryShowsEachSeriesWithItsValue() {
    // given Prometheus answers a vector
    server.answer("/api/v1/query", 200, VECTOR);

    // when
    Message m = runner.run("query up", context());

    // then
    Block.Table table =
        m.blocks().stream()
            .filter(Block.Table.class::isInstance)
            .map(Block.Table.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(table.rows())
        .containsExactly(
            List.of("up{instance=\"localhost:9090\", job=\"prometheus\"}", "1"),
            List.of("up{instance=\"node-1:9100\", job=\"node\"}", "0"));
    assertThat(server.requests.getFirst()).contains("query=up");
    Golden.assertMatches("query-vector", render(m));
  }

  @Test
  void queryOfARangeSelectorSummarisesEachSeries() {
    // given a matrix result
    server.answer("/api/v1/query", 200, MATRIX);

    // when
    Message m = runner.run("query rate(x[5m])[1h:]", context());

    // then latest, min and max per series
    assertThat(allText(m)).contains("[{pod=\"checkout-1\"}, 3, 2, 0.5, 2]");
  }

  @Test
  void queryShowsScalarsPlainly() {
    server.answer(
        "/api/v1/query",
        200,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1795780800,\"42.5\"]}}");

    assertThat(allText(runner.run("query scalar(42.5)", context()))).contains("`42.5`");
  }

  @Test
  void queryPassesOnPrometheusErrorsInItsOwnWords() {
    // given Prometheus rejects the PromQL
    server.answer(
        "/api/v1/query",
        400,
        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unclosed left parenthesis\"}");

    // when
    String text = allText(runner.run("query rate(x", context()));

    // then
    assertThat(text).contains("unclosed left parenthesis").contains("Check the PromQL");
  }

  @Test
  void withoutSettingsEachCommandNamesTheSettingToSet() {
    assertThat(allText(unconfigured.run("query up", context()))).contains("JAMIE_PROMETHEUS_URL");
    assertThat(allText(unconfigured.run("graph up", context()))).contains("JAMIE_PROMETHEUS_URL");
    assertThat(allText(unconfigured.run("alerts", context()))).contains("JAMIE_ALERTMANAGER_URL");
  }

  @Test
  void graphPostsAPngWithTheLatestValues() {
    // given a range result
    server.answer("/api/v1/query_range", 200, MATRIX);

    // when
    Message m = runner.run("graph sum by (pod) (rate(http_requests_total[5m])) 6h", context());

    // then the summary names the series and their latest values
    assertThat(allText(m))
        .contains("over the last 6 hours: 2 series")
        .contains("`{pod=\"checkout-1\"} = 2`", "`{pod=\"checkout-2\"} = 4`");
    // and the query asked for ~200 points over 6 hours
    assertThat(server.requests.getFirst()).contains("step=108");
    // and the renderer attaches the PNG as a binary file
    RenderedMessage rendered = new BlockKitRenderer().render(m);
    FileUpload png = rendered.files().getFirst();
    assertThat(png.filename()).endsWith(".png");
    assertThat(png.isBinary()).isTrue();
    assertThat(png.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  void graphReadsTheRangeAtTheEndOrAsAnOption() {
    assertThat(GraphCommand.parse("up"))
        .isEqualTo(new GraphCommand.Request("up", Duration.ofHours(1)));
    assertThat(GraphCommand.parse("up 15m"))
        .isEqualTo(new GraphCommand.Request("up", Duration.ofMinutes(15)));
    assertThat(GraphCommand.parse("rate(x[5m]) --range 1d"))
        .isEqualTo(new GraphCommand.Request("rate(x[5m])", Duration.ofDays(1)));
    // an offset is part of the query, not a range
    assertThat(GraphCommand.parse("up offset 1h"))
        .isEqualTo(new GraphCommand.Request("up offset 1h", Duration.ofHours(1)));
    assertThat(GraphCommand.step(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(18));
  }

  @Test
  void graphRefusesAnAbsurdRange() {
    assertThat(allText(runner.run("graph up 90d", context()))).contains("between 1m and 30d");
  }

  @Test
  void alertsListsUnmutedFiringAlertsGroupedByName() {
    // given Alertmanager has two alerts
    server.answer("/api/v2/alerts", 200, ALERTS);

    // when
    Message m = runner.run("alerts", context());

    // then grouped by name, with where and since when
    Block.Table table =
        m.blocks().stream()
            .filter(Block.Table.class::isInstance)
            .map(Block.Table.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(table.rows())
        .containsExactly(
            List.of("HighLatency", "warning", "shop", "3h", "p99 above 500ms"),
            List.of(
                "KubePodCrashLooping",
                "critical",
                "shop/checkout-1",
                "45m",
                "checkout-1 restarts over and over"));
    // and silenced alerts were left out
    assertThat(server.requests.getFirst()).contains("silenced=false");
    Golden.assertMatches("alerts-firing", render(m));
  }

  @Test
  void alertsAllIncludesSilencedOnes() {
    server.answer("/api/v2/alerts", 200, "[]");

    Message m = runner.run("alerts --all", context());

    assertThat(server.requests.getFirst()).contains("silenced=true");
    assertThat(m.text()).isEqualTo("No alerts firing");
  }

  @Test
  void alertsPassesOnAlertmanagerErrors() {
    server.answer("/api/v2/alerts", 500, "\"storage is on fire\"");

    assertThat(allText(runner.run("alerts", context()))).contains("storage is on fire");
  }

  private static String render(Message m) {
    BlockKitRenderer renderer = new BlockKitRenderer();
    return renderer.toJson(renderer.render(m));
  }
}
