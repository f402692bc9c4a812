package dev.jamiescarlet.tools.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void vectorsKeepLabelsMillisecondTimesAndSpecialValues() throws Exception {
    // given
    JsonNode data =
        JSON.readTree(
            """
            {"resultType":"vector","result":[
              {"metric":{"__name__":"up","job":"api"},"value":[1763719200.123,"1"]},
              {"metric":{"job":"b"},"value":[1763719200,"+Inf"]},
              {"metric":{"job":"c"},"value":[1763719200,"NaN"]}]}
            """);

    // when
    QueryResult result = PrometheusJson.result(data);

    // then
    assertThat(result.type()).isEqualTo(QueryResult.ResultType.VECTOR);
    List<Sample> samples = result.samples();
    assertThat(samples).hasSize(3);
    assertThat(samples.get(0).labels()).containsEntry("job", "api");
    assertThat(samples.get(0).time()).isEqualTo(Instant.ofEpochMilli(1763719200123L));
    assertThat(samples.get(1).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(samples.get(2).value()).isNaN();
    assertThat(result.series().get(0).selector()).isEqualTo("up{job=\"api\"}");
    assertThat(result.isEmpty()).isFalse();
  }

  @Test
  void matricesScalarsAndStringsAreTyped() throws Exception {
    // given
    JsonNode matrix =
        JSON.readTree(
            """
            {"resultType":"matrix","result":[{"metric":{"pod":"a"},
              "values":[[1763719200,"1"],[1763719260,"-Inf"],[1763719320,"2.5"]]}]}
            """);
    JsonNode scalar = JSON.readTree("{\"resultType\":\"scalar\",\"result\":[1763719200,\"4\"]}");
    JsonNode string = JSON.readTree("{\"resultType\":\"string\",\"result\":[1763719200,\"hi\"]}");

    // when
    QueryResult m = PrometheusJson.result(matrix);
    QueryResult s = PrometheusJson.result(scalar);
    QueryResult t = PrometheusJson.result(string);

    // then
    assertThat(m.type()).isEqualTo(QueryResult.ResultType.MATRIX);
    assertThat(m.series().get(0).points())
        .extracting(Point::value)
        .containsExactly(1.0, Double.NEGATIVE_INFINITY, 2.5);
    assertThat(s.type()).isEqualTo(QueryResult.ResultType.SCALAR);
    assertThat(s.samples()).singleElement().satisfies(x -> assertThat(x.labels()).isEmpty());
    assertThat(t.text()).isEqualTo("hi");
    assertThat(new QueryResult(QueryResult.ResultType.VECTOR, List.of(), null).isEmpty()).isTrue();
  }

  @Test
  void anUnknownResultTypeSaysWhatWasExpected() throws Exception {
    // given
    JsonNode data = JSON.readTree("{\"resultType\":\"histogram\",\"result\":[]}");

    // when / then
    assertThatThrownBy(() -> PrometheusJson.result(data))
        .isInstanceOf(PrometheusException.class)
        .hasMessageContaining("unknown resultType 'histogram'")
        .hasMessageContaining("vector, matrix, scalar or string");
  }

  @Test
  void alertsCarryLabelsAnnotationsStateAndActiveTime() throws Exception {
    // given
    JsonNode data =
        JSON.readTree(
            """
            {"alerts":[{"labels":{"alertname":"X","pod":"p"},"annotations":{"summary":"s"},
              "state":"firing","activeAt":"2026-11-21T10:00:00.5Z","value":"1e+00"},
             {"labels":{},"annotations":{},"state":"pending","value":"0"}]}
            """);

    // when
    List<PrometheusAlert> alerts = PrometheusJson.alerts(data);

    // then
    assertThat(alerts.get(0).name()).isEqualTo("X");
    assertThat(alerts.get(0).annotations()).isEqualTo(Map.of("summary", "s"));
    assertThat(alerts.get(0).activeAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00.5Z"));
    assertThat(alerts.get(1).name()).isEmpty();
    assertThat(alerts.get(1).activeAt()).isNull();
  }

  @Test
  void aRelativeUrlIsRefusedNamingTheSetting() {
    // when / then
    assertThatThrownBy(() -> PrometheusClient.of("prometheus:9090"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JAMIE_PROMETHEUS_URL");
    assertThat(PrometheusClient.of("http://p:9090/prefix/").baseUrl().toString())
        .isEqualTo("http://p:9090/prefix");
  }
}
