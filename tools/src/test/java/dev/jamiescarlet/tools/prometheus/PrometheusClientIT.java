package dev.jamiescarlet.tools.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.charts.ChartRenderer;
import dev.jamiescarlet.tools.monitoring.Eventually;
import dev.jamiescarlet.tools.monitoring.LocalMonitoring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrometheusClientIT {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static LocalMonitoring monitoring;
  private static PrometheusClient client;

  @BeforeAll
  static void start() {
    monitoring = LocalMonitoring.start(null);
    client = PrometheusClient.of(monitoring.prometheusUrl().toString());
  }

  @AfterAll
  static void stop() {
    if (monitoring != null) {
      monitoring.close();
    }
  }

  @Test
  void instantQueriesReturnTypedVectorsAndScalars() {
    // given a running Prometheus

    // when
    QueryResult vector = client.query("vector(1) * 3", null);
    QueryResult scalar = client.query("scalar(vector(2))", Instant.now());
    QueryResult string = client.query("\"hello\"", null);

    // then
    assertThat(vector.type()).isEqualTo(QueryResult.ResultType.VECTOR);
    assertThat(vector.samples())
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isEqualTo(3.0));
    assertThat(scalar.type()).isEqualTo(QueryResult.ResultType.SCALAR);
    assertThat(scalar.samples().get(0).value()).isEqualTo(2.0);
    assertThat(string.text()).isEqualTo("hello");
  }

  @Test
  void rangeQueriesOverTheSelfScrapedUpMetricReturnLabelledSeries() {
    // given Prometheus scrapes itself every second

    // when we ask for the last half minute of `up`, until a few scrapes have landed
    List<Series> series =
        Eventually.await(
            "three scrapes of up",
            WAIT,
            () -> {
              Instant end = Instant.now();
              return client.queryRange("up", end.minusSeconds(30), end, Duration.ofSeconds(1));
            },
            s -> !s.isEmpty() && s.get(0).points().size() >= 3);

    // then
    Series up = series.get(0);
    assertThat(up.labels()).containsEntry("job", "prometheus").containsEntry("__name__", "up");
    assertThat(up.points()).allSatisfy(p -> assertThat(p.value()).isEqualTo(1.0));
    assertThat(up.selector()).startsWith("up{").contains("job=\"prometheus\"");
    byte[] png = new ChartRenderer().render("up", series, 0.5);
    assertThat(Arrays.copyOf(png, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    QueryResult matrix = client.query("up[1m]", null);
    assertThat(matrix.type()).isEqualTo(QueryResult.ResultType.MATRIX);
    assertThat(matrix.series()).isNotEmpty();
  }

  @Test
  void badPromqlComesBackWithPrometheusOwnErrorText() {
    // given a query with a syntax error

    // when / then
    assertThatThrownBy(() -> client.query("sum(rate(", null))
        .isInstanceOfSatisfying(
            PrometheusException.class,
            e -> {
              assertThat(e.errorType()).isEqualTo("bad_data");
              assertThat(e.status()).isEqualTo(400);
            })
        .hasMessageContaining("parse error")
        .hasMessageContaining("sum(rate(");
  }

  @Test
  void theAlwaysFiringRuleShowsUpInAlerts() {
    // given the rule file's always-firing rule

    // when
    List<PrometheusAlert> alerts =
        Eventually.await(
            "the always-firing alert",
            WAIT,
            client::alerts,
            list ->
                list.stream()
                    .anyMatch(
                        a ->
                            a.name().equals(LocalMonitoring.ALERT_NAME)
                                && a.state().equals("firing")));

    // then
    PrometheusAlert alert =
        alerts.stream()
            .filter(a -> a.name().equals(LocalMonitoring.ALERT_NAME))
            .findFirst()
            .orElseThrow();
    assertThat(alert.labels())
        .containsEntry("severity", LocalMonitoring.SEVERITY)
        .containsEntry("namespace", LocalMonitoring.NAMESPACE)
        .containsEntry("pod", LocalMonitoring.POD);
    assertThat(alert.annotations()).containsKey("summary");
    assertThat(alert.activeAt()).isNotNull();
  }

  @Test
  void anUnreachableServerNamesTheUrlAndTheSetting() throws IOException {
    // given a port nobody listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    PrometheusClient nowhere = PrometheusClient.of("http://127.0.0.1:" + port + "/");

    // when / then
    assertThatThrownBy(() -> nowhere.query("up", null))
        .isInstanceOf(PrometheusException.class)
        .hasMessageContaining("http://127.0.0.1:" + port)
        .hasMessageContaining("JAMIE_PROMETHEUS_URL");
  }

  @Test
  void somethingThatIsNotPrometheusIsReportedWithItsStatus() {
    // given Alertmanager's URL by mistake: it has no /api/v1/query
    PrometheusClient wrong = PrometheusClient.of(monitoring.alertmanagerUrl().toString());

    // when / then
    assertThatThrownBy(() -> wrong.query("up", null))
        .isInstanceOf(PrometheusException.class)
        .hasMessageContaining("answered HTTP")
        .hasMessageContaining("JAMIE_PROMETHEUS_URL");
  }
}
