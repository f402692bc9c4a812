package dev.jamiescarlet.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.sun.net.httpserver.HttpServer;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack against a local Web API, an unreachable cluster, and the embedded MongoDB. */
class PlatformChecksTest {
  private HttpServer server;
  private final AtomicReference<String> authTest = new AtomicReference<>();
  private Slack slack;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/auth.test",
        e -> {
          byte[] body = authTest.get().getBytes(StandardCharsets.UTF_8);
          e.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
          e.sendResponseHeaders(200, body.length);
          try (OutputStream out = e.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aRejectedBotTokenIsDownNamingSlackBotToken() throws Exception {
    // given
    authTest.set("{\"ok\":false,\"error\":\"invalid_auth\"}");

    // when
    ProbeResult r = PlatformChecks.slack(slack, "xoxb-wrong", true, null).probe().run();

    // then
    assertThat(r.state()).isEqualTo(DependencyState.DOWN);
    assertThat(r.detail())
        .isEqualTo("auth.test: invalid_auth: check SLACK_BOT_TOKEN (the app's xoxb- bot token)");
  }

  @Test
  void aDisconnectedSocketIsDownNamingTheAppTokenAndAConnectedOneIsUp() throws Exception {
    // given a valid token
    authTest.set(
        "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"jamie\","
            + "\"team_id\":\"T1\",\"user_id\":\"U1\",\"bot_id\":\"B1\"}");

    // when
    ProbeResult down = PlatformChecks.slack(slack, "xoxb-ok", true, () -> false).probe().run();
    ProbeResult up = PlatformChecks.slack(slack, "xoxb-ok", true, () -> true).probe().run();

    // then
    assertThat(down.state()).isEqualTo(DependencyState.DOWN);
    assertThat(down.detail()).contains("check SLACK_APP_TOKEN");
    assertThat(up.state()).isEqualTo(DependencyState.UP);
    assertThat(up.detail()).isEqualTo("@jamie in Acme · socket connected");
  }

  @Test
  void anUnreachableClusterIsDownNamingWhereItsAddressComesFrom() throws Exception {
    // given a cluster whose API server port has nothing on it
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:" + port)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build();
    try (KubeconfigClusterRegistry registry =
        KubeconfigClusterRegistry.of(Map.of("gone", client), "gone", "kubeconfig ~/.kube/config")) {

      // when
      List<DependencyCheck> checks = PlatformChecks.clusters(registry);
      ProbeResult r = checks.get(0).probe().run();

      // then
      assertThat(checks.get(0).name()).isEqualTo("cluster:gone");
      assertThat(r.state()).isEqualTo(DependencyState.DOWN);
      assertThat(r.detail())
          .startsWith("unreachable: ")
          .endsWith("; check the API server address of `gone` (kubeconfig ~/.kube/config)");
    }
  }

  @Test
  void mongoIsRequiredAndAnswersPing(@TempDir Path dir) throws Exception {
    // given
    try (Mongo mongo = Mongo.embedded(dir)) {
      DependencyCheck check = PlatformChecks.mongo(mongo.database(), mongo.description());

      // when
      ProbeResult r = check.probe().run();

      // then
      assertThat(check.required()).isTrue();
      assertThat(r.state()).isEqualTo(DependencyState.UP);
    }
  }
}
