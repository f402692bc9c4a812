package dev.jamiescarlet.agents.models;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Model choices pointing at scripted servers or closed ports, and a clock tests can move. */
final class TestModels {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private TestModels() {}

  static ModelChoice openAi(ScriptedModelServer server, String model) {
    return openAi(server, model, TIMEOUT);
  }

  static ModelChoice openAi(ScriptedModelServer server, String model, Duration timeout) {
    return new ModelChoice(
        Provider.OPENAI, server.baseUrl() + "/v1", model, "TEST_KEY", timeout, null);
  }

  static ModelChoice ollama(ScriptedModelServer server, String model) {
    return new ModelChoice(Provider.OLLAMA, server.baseUrl(), model, null, TIMEOUT, null);
  }

  /** An OpenAI choice at a loopback port nothing listens on. */
  static ModelChoice closedPort(String model) {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ModelChoice(
        Provider.OPENAI, "http://127.0.0.1:" + port + "/v1", model, null, TIMEOUT, null);
  }

  static ModelGuards guards(Clock clock) {
    return new ModelGuards(clock, 3, Duration.ofSeconds(30), 4);
  }

  /** A clock that only moves when told to. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-21T12:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
