package dev.jamiescarlet.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadTimeoutException;
import dev.jamiescarlet.bot.alerts.AlertEvents;
import dev.jamiescarlet.bot.alerts.AlertHooks;
import dev.jamiescarlet.bot.alerts.AlertSource;
import dev.jamiescarlet.bot.alerts.HookAuth;
import dev.jamiescarlet.bot.channels.ChannelDefaults;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.config.AlertsConfig;
import dev.jamiescarlet.bot.http.HttpServer;
import dev.jamiescarlet.bot.message.Message;
import io.javalin.http.Handler;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MongoDB that hangs mid-request, played by a loopback proxy in front of the embedded store that
 * stops forwarding: operations end with a timeout, and callers answer clearly instead of hanging.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MongoTimeoutIT {
  private static final String TOKEN = "hook-secret";

  @TempDir Path dir;

  private Mongo embedded;
  private StallingProxy proxy;
  private Mongo viaProxy;

  @BeforeEach
  void start() throws Exception {
    embedded = Mongo.embedded(dir);
    String[] hostPort = embedded.address().split(":");
    proxy = new StallingProxy(hostPort[0], Integer.parseInt(hostPort[1]));
    viaProxy =
        Mongo.connect(
            "mongodb://127.0.0.1:" + proxy.port() + "/jamie", Mongo.SERVER_SELECTION_TIMEOUT);
  }

  @AfterEach
  void stop() throws Exception {
    viaProxy.close();
    proxy.close();
    embedded.close();
  }

  @Test
  void anOperationOnAHungServerEndsWithATimeout() {
    // given a store that answered a moment ago
    viaProxy.collection("probe").insertOne(new Document("_id", "a"));
    assertThat(viaProxy.collection("probe").countDocuments()).isEqualTo(1);

    // when it stops answering mid-conversation
    proxy.stall();

    // then a read returns with a timeout error instead of waiting for ever
    assertThatThrownBy(() -> viaProxy.collection("probe").find().first())
        .isInstanceOf(MongoSocketReadTimeoutException.class);
  }

  @Test
  void aCommandOnAHungStoreSaysSoBriefly() {
    // given `use`, which reads the channel's default from the store
    ChannelDefaults defaults = new ChannelDefaults(viaProxy.database(), Clock.systemUTC());
    Commands commands = Commands.standard(defaults);
    CommandRunner runner = new CommandRunner(commands);
    CommandContext ctx =
        new CommandContext(
            "U0ADA", "C0SHOP", null, null, null, commands, Clock.systemUTC(), null, null);
    proxy.stall();

    // when someone asks
    Message reply = runner.run("use", ctx);

    // then the answer is the short database message, not "something went wrong"
    assertThat(reply.text())
        .isEqualTo("I can't reach my database right now; try again in a minute.");
  }

  @Test
  void aHookOnAHungStoreAnswers503() throws Exception {
    // given the Alertmanager hook storing through the hung store
    AlertHooks hooks =
        new AlertHooks(
            new HookAuth(new AlertsConfig(TOKEN, null, null, null, "C0ALERTS", null)),
            new AlertEvents(viaProxy.database(), Clock.systemUTC()),
            id -> {});
    Map<String, Handler> posts =
        Map.of(AlertSource.ALERTMANAGER.path(), ctx -> hooks.handle(AlertSource.ALERTMANAGER, ctx));
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/alerts/alertmanager-firing.json")) {
      body = in.readAllBytes();
    }
    proxy.stall();

    try (HttpServer server = new HttpServer("127.0.0.1", 0, null, Map::of, posts).start()) {
      // when Alertmanager delivers
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + server.port()
                                  + AlertSource.ALERTMANAGER.path()))
                      .timeout(Duration.ofSeconds(90))
                      .header("Authorization", "Bearer " + TOKEN)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      // then it is told to retry, not held
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body()).contains("cannot reach MongoDB");
    }
  }
}
