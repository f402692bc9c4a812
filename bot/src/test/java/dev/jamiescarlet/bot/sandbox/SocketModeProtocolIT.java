package dev.jamiescarlet.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

/** The Socket Mode wire protocol, driven by a bare Java-WebSocket client that never acks. */
class SocketModeProtocolIT {

  static final class Recorder extends WebSocketClient {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    volatile int closeCode;

    Recorder(URI uri) {
      super(uri);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {
      frames.add(message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closeCode = code;
      frames.add("closed:" + code);
    }

    @Override
    public void onError(Exception ex) {}

    JsonNode next() throws InterruptedException {
      String frame = frames.poll(8, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within 8 s").isNotNull();
      return frame.startsWith("closed:") ? Json.parse("{\"closed\":true}") : Json.parse(frame);
    }
  }

  private static String connectionsOpen(SlackSandbox sandbox, String token) throws Exception {
    HttpResponse<String> res =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.apiUrl() + "apps.connections.open"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return res.body();
  }

  @Test
  void givenUnackedEnvelope_whenThreeSecondsPass_thenItIsRedeliveredOnceAsRetry() throws Exception {
    try (SlackSandbox sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start()) {
      JsonNode open = Json.parse(connectionsOpen(sandbox, sandbox.config().appToken()));
      assertThat(open.path("url").asText()).startsWith("ws://127.0.0.1:");
      Recorder ws = new Recorder(URI.create(open.path("url").asText() + "&debug_reconnects=true"));
      assertThat(ws.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
      JsonNode hello = ws.next();
      assertThat(hello.path("type").asText()).isEqualTo("hello");
      assertThat(hello.path("connection_info").path("app_id").asText()).isEqualTo("A0JAMIE");

      new SandboxClient(sandbox.baseUrl()).post("C0SHOP", "U0ADA", "<@U0JAMIE> ping");

      JsonNode first = ws.next();
      JsonNode retry = ws.next();
      assertThat(first.path("type").asText()).isEqualTo("events_api");
      assertThat(first.path("retry_attempt").asInt()).isZero();
      assertThat(first.path("accepts_response_payload").asBoolean()).isFalse();
      assertThat(retry.path("retry_attempt").asInt()).isEqualTo(1);
      assertThat(retry.path("retry_reason").asText()).isEqualTo("timeout");
      assertThat(retry.path("payload").path("event_id").asText())
          .isEqualTo(first.path("payload").path("event_id").asText());
      assertThat(retry.path("envelope_id").asText())
          .isNotEqualTo(first.path("envelope_id").asText());

      sandbox.close();
      assertThat(ws.next().path("type").asText()).isEqualTo("disconnect");
    }
  }

  @Test
  void givenReusedTicket_whenConnecting_thenConnectionIsClosed() throws Exception {
    try (SlackSandbox sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start()) {
      String url =
          Json.parse(connectionsOpen(sandbox, sandbox.config().appToken())).path("url").asText();
      Recorder first = new Recorder(URI.create(url));
      first.connectBlocking(5, TimeUnit.SECONDS);
      assertThat(first.next().path("type").asText()).isEqualTo("hello");

      Recorder second = new Recorder(URI.create(url));
      second.connectBlocking(5, TimeUnit.SECONDS);

      assertThat(second.next().path("closed").asBoolean()).isTrue();
      assertThat(second.closeCode).isEqualTo(1008);
      first.closeBlocking();
    }
  }

  @Test
  void givenBotToken_whenOpeningConnection_thenNotAllowedTokenType() throws Exception {
    try (SlackSandbox sandbox = new SlackSandbox(SandboxConfig.defaults(0)).start()) {
      assertThat(connectionsOpen(sandbox, sandbox.config().botToken()))
          .contains("not_allowed_token_type");
      assertThat(connectionsOpen(sandbox, "")).contains("not_authed");
    }
  }

  @Test
  void givenTakenPort_whenStarting_thenErrorNamesTheVariable() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      SlackSandbox sandbox = new SlackSandbox(SandboxConfig.defaults(taken.getLocalPort()));
      assertThatThrownBy(sandbox::start).hasMessageContaining("JAMIE_SANDBOX_PORT");
    }
  }
}
