package dev.jamiescarlet.tools.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.jamiescarlet.tools.argocd.ArgoCdException.Kind;
import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArgoCdErrorsIT {
  private LocalArgoCd argo;

  @BeforeEach
  void start() {
    argo = LocalArgoCd.start();
  }

  @AfterEach
  void stop() {
    argo.close();
  }

  @Test
  void wrongTokenIsUnauthorizedAndNamesTheVariable() {
    // given
    try (ArgoCdClient client = new ArgoCdClient(ArgoCdSettings.of(argo.url(), "stale"))) {
      // when / then
      assertThatThrownBy(() -> client.applications(null))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
          .hasMessageStartingWith("the Argo CD token was rejected by " + argo.url())
          .hasMessageContaining("invalid session: token signature is invalid")
          .hasMessageContaining("check JAMIE_ARGOCD_TOKEN");
    }
  }

  @Test
  void missingPermissionIsForbiddenAndNamesTheRbacAction() {
    // given
    argo.deny("sync");
    try (ArgoCdClient client = new ArgoCdClient(argo.settings())) {
      // when / then
      assertThatThrownBy(() -> client.sync("checkout", false, true, null))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN))
          .hasMessageStartingWith(
              "the Argo CD token lacks permission `applications, sync` on `checkout`")
          .hasMessageContaining("permission denied: applications, sync, shop/checkout")
          .hasMessageContaining("check JAMIE_ARGOCD_TOKEN")
          .hasMessageContaining("p, role:jamie, applications, sync, */*, allow");
    }
  }

  @Test
  void unknownApplicationIsNotFoundAndPointsAtApps() {
    // given
    try (ArgoCdClient client = new ArgoCdClient(argo.settings())) {
      // when / then
      assertThatThrownBy(() -> client.application("nope"))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
          .hasMessage("no application `nope`; `apps` lists them");
      assertThatThrownBy(() -> client.resourceTree("nope"))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }
  }

  @Test
  void aNameThatIsNoObjectNameIsRefusedWithoutACall() {
    // given
    try (ArgoCdClient client = new ArgoCdClient(argo.settings())) {
      // when / then
      assertThatThrownBy(() -> client.history("../settings"))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
          .hasMessage("`../settings` is not an Argo CD application name; `apps` lists them");
      assertThat(argo.requests()).isEmpty();
    }
  }

  @Test
  void argoCdsOwnErrorTextIsPassedThrough() throws IOException {
    // given a server that refuses the way Argo CD does when auto-sync was switched on meanwhile
    HttpServer server =
        server(
            400,
            "{\"error\":\"x\",\"code\":9,\"message\":\"rollback cannot be initiated when auto-sync is enabled\"}");
    HttpServer other =
        server(
            500,
            "{\"error\":\"rpc error: code = Unknown desc = repository not accessible\",\"code\":2}");
    try (ArgoCdClient client = new ArgoCdClient(ArgoCdSettings.of(url(server), LocalArgoCd.TOKEN));
        ArgoCdClient broken = new ArgoCdClient(ArgoCdSettings.of(url(other), LocalArgoCd.TOKEN))) {
      // when / then
      assertThatThrownBy(() -> client.refresh("checkout", true))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTO_SYNC_ON))
          .hasMessageContaining("rollback cannot be initiated when auto-sync is enabled")
          .hasMessageContaining("turn auto-sync off first")
          .hasMessageContaining("`argocd app set checkout --sync-policy none`");
      assertThatThrownBy(() -> broken.applications(null))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OTHER))
          .hasMessage(
              "Argo CD answered 500 to get applications: rpc error: code = Unknown desc ="
                  + " repository not accessible (see the argocd-server logs)");
    } finally {
      server.stop(0);
      other.stop(0);
    }
  }

  @Test
  void aLoginPageInsteadOfJsonSaysTheUrlIsWrong() throws IOException {
    // given
    HttpServer server = server(200, "<html><body>Sign in with SSO</body></html>");
    try (ArgoCdClient client = new ArgoCdClient(ArgoCdSettings.of(url(server), "t"))) {
      // when / then
      assertThatThrownBy(() -> client.applications(null))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OTHER))
          .hasMessageContaining("with something that is not JSON (<html><body>Sign in with SSO")
          .hasMessageContaining("check that JAMIE_ARGOCD_URL points at the Argo CD server");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aPathWithoutTheApiIsNotFoundNamingTheUrl() {
    // given a base URL below which there is no Argo CD API
    try (ArgoCdClient client =
        new ArgoCdClient(ArgoCdSettings.of(argo.url() + "ui/", LocalArgoCd.TOKEN))) {
      // when / then
      assertThatThrownBy(() -> client.applications(null))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
          .hasMessageContaining("has no Argo CD API at api/v1/applications (404 page not found)")
          .hasMessageContaining("JAMIE_ARGOCD_URL");
    }
  }

  @Test
  void closedPortIsUnreachableNamingTheUrl() throws IOException {
    // given
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/";
    try (ArgoCdClient client = new ArgoCdClient(ArgoCdSettings.of(url, "t"))) {
      // when / then
      assertThatThrownBy(() -> client.applications(null))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessage(
              "Argo CD at "
                  + url
                  + " is unreachable (connection refused); check JAMIE_ARGOCD_URL and that"
                  + " argocd-server is up");
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws IOException {
    // given a server that holds every request
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> sleep());
    server.start();
    ArgoCdSettings settings =
        ArgoCdSettings.of(url(server), "t")
            .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
    try (ArgoCdClient client = new ArgoCdClient(settings)) {
      // when / then
      assertThatThrownBy(() -> client.application("checkout"))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageContaining("did not answer get `checkout` within 300 ms");
    } finally {
      server.stop(0);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpServer server(int status, String body) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          try (var out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server;
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }
}
