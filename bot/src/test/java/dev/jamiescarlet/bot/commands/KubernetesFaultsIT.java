package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cluster whose API server fails (5xx) or hangs, played by the fabric8 mock web server: every
 * read command answers with a short message naming the cluster and what to do, and none hangs.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KubernetesFaultsIT {
  private static final String[] COMMANDS = {
    "pods -n shop",
    "logs checkout-7d9f -n shop",
    "diagnose -n shop",
    "events -n shop",
    "deployments -n shop",
    "describe pod checkout-7d9f -n shop"
  };

  private final MockWebServer server = new MockWebServer();
  private volatile MockResponse answer;
  private KubeconfigClusterRegistry registry;
  private CommandRunner runner;
  private CommandContext context;

  @BeforeEach
  void start() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer;
          }
        });
    server.start();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + server.getPort())
            .withNamespace("shop")
            .build();
    registry =
        KubeconfigClusterRegistry.of(
            Map.of("flaky", KubeconfigClusterRegistry.create(config)), "flaky", "test");
    Commands commands = Commands.standard();
    runner = new CommandRunner(commands);
    context =
        new CommandContext(
            "U0ADA",
            "C0SHOP",
            null,
            registry,
            new Fabric8KubernetesReads(registry, Clock.systemUTC()),
            commands,
            Clock.systemUTC(),
            null,
            null);
  }

  @AfterEach
  void stop() {
    registry.close();
    server.shutdown();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 503})
  void aFailingApiServerGetsAShortAnswerNamingTheClusterAndTheFix(int code) {
    // given an API server that answers every request with a 5xx Status
    answer =
        status(
            code,
            code == 503 ? "ServiceUnavailable" : "InternalError",
            "etcdserver: leader changed");

    for (String command : COMMANDS) {
      // when a person runs a read command
      String reply = all(runner.run(command, context));

      // then the answer names the cluster, what happened and what to do
      assertThat(reply)
          .as(command)
          .contains("`flaky`")
          .contains("HTTP " + code)
          .contains("Try again in a minute")
          .doesNotContain("Exception")
          .doesNotContain("Something went wrong");
    }
  }

  @Test
  void aHangingApiServerEndsInATimeoutAnswerNotAHang() {
    // given an API server that accepts requests and then says nothing for minutes
    answer =
        new MockResponse().setResponseCode(200).setBody("{}").setBodyDelay(Duration.ofMinutes(5));

    for (String command :
        new String[] {"pods -n shop", "logs checkout-7d9f -n shop", "diagnose -n shop"}) {
      // when a person runs a read command
      String reply = all(runner.run(command, context));

      // then the reply arrives, saying the cluster did not answer in time
      assertThat(reply)
          .as(command)
          .contains("`flaky`")
          .contains("did not answer")
          .contains("Try again in a minute")
          .doesNotContain("Something went wrong");
    }
  }

  private static MockResponse status(int code, String reason, String message) {
    Status status =
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(code)
            .withReason(reason)
            .withMessage(message)
            .build();
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(Serialization.asJson(status));
  }

  private static String all(Message m) {
    return m.text() + "\n" + m.blocks();
  }
}
