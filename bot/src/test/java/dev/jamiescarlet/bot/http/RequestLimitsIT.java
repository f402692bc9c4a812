package dev.jamiescarlet.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A body sent in part and then stalled is cut after {@link RequestLimits#READ_IDLE}, not held for
 * Jetty's default 30 s; a handler that is busy (not waiting for the client) is not cut.
 */
class RequestLimitsIT {
  /** Only the test's own timeout: well under Jetty's default 30 s, well over the 10 s bound. */
  private static final int TEST_TIMEOUT_MILLIS = 25_000;

  private static final Handler READS_BODY = ctx -> ctx.result("read " + ctx.body().length());

  /** What the server sent before closing (status line or nothing), or "still open". */
  private static String stall(int port, String path) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(TEST_TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 1000\r\n\r\n{\"alerts\":[")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder got = new StringBuilder();
      try {
        int b;
        while ((b = in.read()) >= 0) {
          got.append((char) b);
        }
      } catch (SocketTimeoutException e) {
        return "still open";
      } catch (java.net.SocketException e) {
        // reset by the server: it ended the request
      }
      int eol = got.indexOf("\r\n");
      return eol < 0 ? got.toString() : got.substring(0, eol);
    }
  }

  @Test
  void aStalledPartialBodyIsCutWithinTheReadBound() throws Exception {
    // given the bot's server with a route that reads its body whole, as the hooks do
    try (HttpServer server =
        new HttpServer("127.0.0.1", 0, null, Map::of, Map.of("/hooks/test", READS_BODY)).start()) {

      // when a client sends the headers and 11 of 1000 bytes, then nothing more
      String outcome = stall(server.port(), "/hooks/test");

      // then the server ended the request before the test gave up waiting
      assertThat(outcome).isNotEqualTo("still open");
    }
  }

  @Test
  void theManagementServerCutsAStalledBodyToo() throws Exception {
    try (ManagementServer management =
        new ManagementServer(0, Map::of, java.util.List::of).start()) {
      assertThat(stall(management.port(), "/health")).isNotEqualTo("still open");
    }
  }

  @Test
  void aHandlerBusyLongerThanTheIdleBoundStillAnswers() throws Exception {
    // given a server whose idle bound is short and a handler that works for three times as long
    AtomicReference<String> seen = new AtomicReference<>();
    Javalin javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              RequestLimits.apply(cfg, Duration.ofMillis(300));
              cfg.routes.post(
                  "/slow",
                  ctx -> {
                    seen.set(ctx.body());
                    Thread.sleep(900);
                    ctx.result("done");
                  });
            });
    try {
      javalin.start("127.0.0.1", 0);

      // when
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + javalin.port() + "/slow"))
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      // then
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("done");
      assertThat(seen.get()).isEqualTo("{}");
    } finally {
      javalin.stop();
    }
  }
}
