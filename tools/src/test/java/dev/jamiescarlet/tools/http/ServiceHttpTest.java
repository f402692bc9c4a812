package dev.jamiescarlet.tools.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceHttpTest {
  private HttpServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  private static final ServiceHttp.Failures FAILURES =
      new ServiceHttp.Failures() {
        @Override
        public RuntimeException timedOut(HttpTimeoutException e) {
          return new IllegalStateException("timed out");
        }

        @Override
        public RuntimeException unreachable(IOException e) {
          return new IllegalStateException("unreachable: " + ServiceHttp.reason(e));
        }

        @Override
        public RuntimeException interrupted(InterruptedException e) {
          return new IllegalStateException("interrupted");
        }
      };

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/prefix/api/echo",
        ex -> {
          byte[] body =
              (ex.getRequestHeaders().getFirst("Authorization")
                      + "|"
                      + ex.getRequestHeaders().getFirst("Accept"))
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.createContext(
        "/prefix/api/slow",
        ex -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/prefix/";
  }

  @Test
  void requestsKeepThePathPrefixAndCarryTheTokenAndAccept() {
    ServiceHttp http =
        new ServiceHttp(URI.create(base()), "s3cret", Duration.ofSeconds(2), Duration.ofSeconds(5));

    HttpResponse<String> response =
        http.send(
            http.request("/api/echo", "application/json").GET().build(),
            HttpResponse.BodyHandlers.ofString(),
            FAILURES);

    assertThat(http.baseUrl().toString()).doesNotEndWith("/");
    assertThat(response.body()).isEqualTo("Bearer s3cret|application/json");
  }

  @Test
  void aBlankTokenSendsNoAuthorization() {
    ServiceHttp http =
        new ServiceHttp(URI.create(base()), " ", Duration.ofSeconds(2), Duration.ofSeconds(5));

    assertThat(
            http.send(
                    http.request("/api/echo", "image/png").GET().build(),
                    HttpResponse.BodyHandlers.ofString(),
                    FAILURES)
                .body())
        .isEqualTo("null|image/png");
  }

  @Test
  void noAnswerInTimeIsTheClientsTimeout() {
    ServiceHttp http =
        new ServiceHttp(URI.create(base()), null, Duration.ofSeconds(2), Duration.ofMillis(200));

    assertThatThrownBy(
            () ->
                http.send(
                    http.request("/api/slow", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(),
                    FAILURES))
        .hasMessage("timed out");
  }

  @Test
  void aClosedPortIsTheClientsUnreachable() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    ServiceHttp http =
        new ServiceHttp(
            URI.create("http://127.0.0.1:" + closed),
            null,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));

    assertThatThrownBy(
            () ->
                http.send(
                    http.request("/x", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(),
                    FAILURES))
        .hasMessageStartingWith("unreachable: ");
  }

  @Test
  void aRelativeUrlNamesTheSettingToFix() {
    assertThatThrownBy(
            () ->
                ServiceHttp.absolute(
                    URI.create("prometheus:9090"),
                    "Prometheus",
                    "JAMIE_PROMETHEUS_URL",
                    "http://prometheus:9090"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Prometheus URL 'prometheus:9090' is not absolute; set JAMIE_PROMETHEUS_URL to e.g."
                + " http://prometheus:9090");
  }

  @Test
  void clipFlattensAndCuts() {
    assertThat(ServiceHttp.clip("  a\n\n b  ", 10)).isEqualTo("a b");
    assertThat(ServiceHttp.clip("abcdef", 3)).isEqualTo("abc…");
    assertThat(ServiceHttp.clip(null, 3)).isEmpty();
  }

  @Test
  void aUrlWithoutAPortHasItsSchemesDefault() {
    assertThat(ServiceHttp.port(URI.create("https://vllm.models/v1"))).isEqualTo(443);
    assertThat(ServiceHttp.port(URI.create("http://ollama.models/"))).isEqualTo(80);
    assertThat(ServiceHttp.port(URI.create("http://ollama.models:11434/"))).isEqualTo(11434);
  }
}
