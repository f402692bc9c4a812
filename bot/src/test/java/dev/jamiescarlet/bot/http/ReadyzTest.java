package dev.jamiescarlet.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.health.DependencyState;
import dev.jamiescarlet.bot.health.DependencyStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /readyz keeps {@code ready} and {@code failing} and adds {@code dependencies}. */
class ReadyzTest {

  private static JsonNode get(HttpServer server) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/readyz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return ((ObjectNode) new ObjectMapper().readTree(r.body())).put("status", r.statusCode());
  }

  @Test
  void theDependenciesAreListedBesideTheChecksThatDecideReadiness() throws Exception {
    // given MongoDB failing readiness and a down cluster that is only listed
    List<Map<String, Object>> deps =
        List.of(
            new DependencyStatus("mongodb", "mongodb", true, DependencyState.DOWN, 3000, "refused")
                .toJson(),
            new DependencyStatus(
                    "cluster:prod", "kubernetes", false, DependencyState.DOWN, 12, "refused")
                .toJson());
    try (HttpServer server =
        new HttpServer("127.0.0.1", 0, null, () -> Map.of("mongodb", "refused"))
            .dependencies(() -> deps)
            .start()) {

      // when
      JsonNode body = get(server);

      // then
      assertThat(body.path("status").asInt()).isEqualTo(503);
      assertThat(body.path("ready").asBoolean()).isFalse();
      assertThat(body.path("failing").path("mongodb").asText()).isEqualTo("refused");
      assertThat(body.path("dependencies")).hasSize(2);
      JsonNode cluster = body.path("dependencies").get(1);
      assertThat(cluster.path("name").asText()).isEqualTo("cluster:prod");
      assertThat(cluster.path("state").asText()).isEqualTo("down");
      assertThat(cluster.path("latencyMs").asLong()).isEqualTo(12);
      assertThat(cluster.path("required").asBoolean()).isFalse();
    }
  }

  @Test
  void withoutHealthChecksTheListIsEmpty() throws Exception {
    // given
    try (HttpServer server = new HttpServer("127.0.0.1", 0, null, Map::of).start()) {
      // when
      JsonNode body = get(server);

      // then
      assertThat(body.path("status").asInt()).isEqualTo(200);
      assertThat(body.path("ready").asBoolean()).isTrue();
      assertThat(body.path("dependencies").isArray()).isTrue();
      assertThat(body.path("dependencies")).isEmpty();
    }
  }
}
