package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.jamiescarlet.bot.Bot;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MongoDB going away takes the pod out of the Service; /readyz says only that, the management
 * server's /health which check failed and the fix.
 */
class MongoReadinessIT {

  @Test
  void readinessFailsOnceMongoDbStopsAnswering(@TempDir Path dir) throws Exception {
    // given a bot in HTTP mode on a MongoDB that is up, with no clusters
    MongoServer server = new MongoServer(new H2Backend(dir.resolve("m.mv").toString()));
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    Mongo store =
        Mongo.connect("mongodb://127.0.0.1:" + address.getPort() + "/jamie", Duration.ofSeconds(1));
    JamieConfig config =
        JamieConfig.fromEnv(
            Map.of(
                "JAMIE_SLACK_MODE", "http",
                "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", "secret",
                "JAMIE_SLACK_AUTH_TEST", "false",
                "JAMIE_HTTP_PORT", "0",
                "JAMIE_HTTP_BIND", "127.0.0.1",
                "JAMIE_MEMORY", "false",
                "JAMIE_DATA_DIR", dir.toString()));
    try (KubeconfigClusterRegistry none = KubeconfigClusterRegistry.of(Map.of(), null, "none");
        Bot bot = Bot.start(config, none, null, store, Map.of())) {
      assertThat(bot.readiness()).isEmpty();

      // when MongoDB stops
      server.shutdownNow();

      // then, once the cached round has aged out, readiness fails on mongodb, naming the fix
      Map<String, String> failing = awaitFailing(bot);
      assertThat(failing).containsOnlyKeys("mongodb");
      assertThat(failing.get("mongodb")).endsWith("check MONGODB_URI and that MongoDB runs");
      HttpResponse<String> response = get(bot.httpPort(), "/readyz");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).isEqualTo("{\"status\":\"not ready\"}");
      JsonNode health = new ObjectMapper().readTree(get(bot.managementPort(), "/health").body());
      assertThat(health.path("status").asText()).isEqualTo("not ready");
      assertThat(health.path("failing").path("mongodb").asText())
          .endsWith("check MONGODB_URI and that MongoDB runs");
    } finally {
      server.shutdownNow();
    }
  }

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> awaitFailing(Bot bot) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Map<String, String> failing = bot.readiness();
      if (!failing.isEmpty()) {
        return failing;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("readiness still passed 30 s after MongoDB stopped");
  }
}
