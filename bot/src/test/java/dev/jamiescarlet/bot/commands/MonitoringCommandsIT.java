package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.FileUpload;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.monitoring.Eventually;
import dev.jamiescarlet.tools.monitoring.LocalMonitoring;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code graph}, {@code query} and {@code alerts} against the real Prometheus and Alertmanager. */
class MonitoringCommandsIT {

  private static String allText(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void theThreeCommandsAnswerFromRealServers() {
    try (LocalMonitoring local = LocalMonitoring.start(null)) {
      // given the commands wired to the local servers
      Monitoring monitoring =
          new Monitoring(
              PrometheusClient.of(local.prometheusUrl().toString()),
              AlertmanagerClient.of(local.alertmanagerUrl().toString()));
      CommandRunner runner =
          new CommandRunner(
              new Commands(
                  List.of(
                      new GraphCommand(() -> monitoring),
                      new QueryCommand(() -> monitoring),
                      new AlertsCommand(() -> monitoring))));
      CommandContext ctx = new FakeCluster().context();

      // when the self-scrape has produced samples, query lists the `up` series
      Message query =
          Eventually.await(
              "up has a series",
              Duration.ofSeconds(30),
              () -> runner.run("query up", ctx),
              m -> allText(m).contains("up{instance="));
      assertThat(allText(query)).contains("job=\"prometheus\"");

      // and graph attaches a real PNG
      Message graph = runner.run("graph rate(prometheus_http_requests_total[1m]) 15m", ctx);
      RenderedMessage rendered = new BlockKitRenderer().render(graph);
      FileUpload png = rendered.files().getFirst();
      assertThat(png.filename()).endsWith(".png");
      assertThat(png.bytes()).hasSizeGreaterThan(2_000).startsWith((byte) 0x89, (byte) 'P');
      assertThat(allText(graph)).contains("over the last 15 minutes");

      // and alerts lists the always-firing alert
      Message alerts =
          Eventually.await(
              "the alert reaches Alertmanager",
              Duration.ofSeconds(60),
              () -> runner.run("alerts", ctx),
              m -> allText(m).contains(LocalMonitoring.ALERT_NAME));
      assertThat(allText(alerts))
          .contains(LocalMonitoring.SEVERITY)
          .contains(LocalMonitoring.NAMESPACE + "/" + LocalMonitoring.POD)
          .contains("Always firing, for tests");
    }
  }
}
