package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.http.HttpServer;
import dev.jamiescarlet.bot.store.Mongo;
import io.javalin.http.Handler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 from a hook means the alert is on disk: the embedded store's file, copied the moment the
 * answer arrives (as a crash would leave it), already holds the event.
 */
class HookDurabilityIT {
  private static final String TOKEN = "hook-secret";

  @TempDir Path dir;
  @TempDir Path crashed;

  private Mongo mongo;
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (mongo != null) {
      mongo.close();
    }
  }

  private int post() throws Exception {
    mongo = Mongo.embedded(dir);
    AlertHooks hooks =
        new AlertHooks(
            new HookAuth(new AlertsConfig(TOKEN, null, null, null, "C0ALERTS", null)),
            new AlertEvents(mongo.database(), Clock.systemUTC()),
            id -> {});
    hooks.commitWith(mongo::commit);
    Map<String, Handler> posts =
        Map.of(AlertSource.ALERTMANAGER.path(), ctx -> hooks.handle(AlertSource.ALERTMANAGER, ctx));
    server = new HttpServer("127.0.0.1", 0, null, Map::of, posts).start();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/hooks/alertmanager"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            Fixtures.bytes("alertmanager-firing.json")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    // the crash: the file as it is on disk right now
    Files.copy(dir.resolve(Mongo.FILE_NAME), crashed.resolve(Mongo.FILE_NAME));
    return r.statusCode();
  }

  private int eventsAfterTheCrash() {
    try (Mongo after = Mongo.embedded(crashed)) {
      return new AlertEvents(after.database(), Clock.systemUTC()).unprocessed().size();
    }
  }

  // without commitWith the copy holds no event (the periodic commit runs every 5 s); that control
  // is not kept as a test because a slow machine may reach the periodic commit first
  @Test
  void theAcceptedAlertIsOnDiskWhenThe200Arrives() throws Exception {
    assertThat(post()).isEqualTo(200);

    assertThat(eventsAfterTheCrash()).isEqualTo(1);
  }
}
