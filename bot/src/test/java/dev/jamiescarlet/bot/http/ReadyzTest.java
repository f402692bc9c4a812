package dev.jamiescarlet.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamiescarlet.bot.health.DependencyState;
import dev.jamiescarlet.bot.health.DependencyStatus;
import dev.jamiescarlet.bot.testing.Addresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * /readyz and /healthz tell a stranger only their status; the management server's /health, on
 * loopback, lists every dependency without credentials.
 */
class ReadyzTest {
  private static final String MONGO_DETAIL =
      "timed out after 3 s; check MONGODB_URI (mongodb://jamie:hunter2@mongo-0.db:27017/jamie)";

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static List<Map<String, Object>> dependencies() {
    return List.of(
        new DependencyStatus("mongodb", "mongodb", true, DependencyState.DOWN, 3000, MONGO_DETAIL)
            .toJson(),
        new DependencyStatus(
                "cluster:prod",
                "kubernetes",
                false,
                DependencyState.UP,
                12,
                "v1.31.0 at https://admin:s3cret@10.0.0.1:6443/")
            .toJson());
  }

  @Test
  void readinessAndLivenessSayOnlyTheirStatus() throws Exception {
    // given MongoDB failing readiness, its detail naming the host and a password
    try (HttpServer server =
        new HttpServer("127.0.0.1", 0, null, () -> Map.of("mongodb", MONGO_DETAIL)).start()) {

      // when
      HttpResponse<String> ready = get(server.port(), "/readyz");
      HttpResponse<String> live = get(server.port(), "/healthz");

      // then
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo("{\"status\":\"not ready\"}");
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(live.body()).isEqualTo("{\"status\":\"ok\"}");
    }
  }

  @Test
  void readyIsStatusOnlyToo() throws Exception {
    try (HttpServer server = new HttpServer("127.0.0.1", 0, null, Map::of).start()) {
      HttpResponse<String> ready = get(server.port(), "/readyz");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
    }
  }

  @Test
  void theManagementServerListsEveryDependencyWithoutCredentials() throws Exception {
    // given
    try (ManagementServer management =
        new ManagementServer(0, () -> Map.of("mongodb", MONGO_DETAIL), ReadyzTest::dependencies)
            .start()) {

      // when
      HttpResponse<String> r = get(management.port(), "/health");

      // then
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertThat(body.path("status").asText()).isEqualTo("not ready");
      assertThat(body.path("failing").path("mongodb").asText())
          .isEqualTo("timed out after 3 s; check MONGODB_URI (mongodb://mongo-0.db:27017/jamie)");
      assertThat(body.path("dependencies")).hasSize(2);
      JsonNode cluster = body.path("dependencies").get(1);
      assertThat(cluster.path("name").asText()).isEqualTo("cluster:prod");
      assertThat(cluster.path("state").asText()).isEqualTo("up");
      assertThat(cluster.path("latencyMs").asLong()).isEqualTo(12);
      assertThat(cluster.path("required").asBoolean()).isFalse();
      assertThat(cluster.path("detail").asText()).isEqualTo("v1.31.0 at https://10.0.0.1:6443/");
      assertThat(r.body()).doesNotContain("hunter2", "s3cret", "jamie:", "admin");
    }
  }

  @Test
  void theManagementServerListensOnLoopbackOnly() throws Exception {
    // given an address of this machine that is not loopback
    Optional<InetAddress> external = Addresses.external();
    Assumptions.assumeTrue(external.isPresent(), "no non-loopback IPv4 address here");
    try (ManagementServer management = new ManagementServer(0, Map::of, List::of).start()) {

      // when / then it cannot be reached there, only on loopback
      assertThat(Addresses.accepts(external.get(), management.port())).isFalse();
      assertThat(get(management.port(), "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aTakenManagementPortNamesItsSetting() throws Exception {
    try (ManagementServer first = new ManagementServer(0, Map::of, List::of).start()) {
      ManagementServer second = new ManagementServer(first.port(), Map::of, List::of);
      assertThatThrownBy(second::start)
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("set JAMIE_MANAGEMENT_PORT to a free port");
    }
  }
}
