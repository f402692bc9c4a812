package dev.jamiescarlet.bot.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jamiescarlet.bot.testing.TestClock;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdSettings;
import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Argo CD against the local Argo CD, Alertmanager against its status JSON, and unset URLs. */
class ServiceChecksTest {

  @Test
  void argoCdAnswersItsVersionAndAWrongUrlNamesJamieArgocdUrl() throws Exception {
    // given
    try (LocalArgoCd argo = LocalArgoCd.start();
        ArgoCdClient good = new ArgoCdClient(argo.settings());
        ArgoCdClient bad =
            new ArgoCdClient(ArgoCdSettings.of(argo.url() + "not-argo/", LocalArgoCd.TOKEN))) {

      // when
      ProbeResult up = ServiceChecks.argoCd(good).probe().run();
      HealthReport report =
          new HealthChecks(() -> List.of(ServiceChecks.argoCd(bad)), new TestClock()).report();

      // then
      assertThat(up).isEqualTo(ProbeResult.up("Argo CD " + LocalArgoCd.VERSION));
      DependencyStatus down = report.dependencies().get(0);
      assertThat(down.state()).isEqualTo(DependencyState.DOWN);
      assertThat(down.detail())
          .contains("has no Argo CD API at api/version", "check that JAMIE_ARGOCD_URL points at")
          .doesNotContain("network path");
    }
  }

  @Test
  void alertmanagerReportsItsVersionOrTheHttpStatus() throws Exception {
    // given an Alertmanager that answers once, then fails
    AtomicInteger calls = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v2/status",
        e -> {
          boolean first = calls.incrementAndGet() == 1;
          byte[] body =
              (first
                      ? "{\"cluster\":{\"name\":\"01J\",\"status\":\"ready\",\"peers\":[]},"
                          + "\"versionInfo\":{\"version\":\"0.25.0\",\"branch\":\"HEAD\"},"
                          + "\"config\":{\"original\":\"\"},\"uptime\":\"2026-11-22T00:00:00Z\"}"
                      : "internal error")
                  .getBytes(StandardCharsets.UTF_8);
          e.sendResponseHeaders(first ? 200 : 500, body.length);
          try (OutputStream out = e.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      DependencyCheck check = ServiceChecks.alertmanager(AlertmanagerClient.of(url));

      // when
      ProbeResult up = check.probe().run();
      ProbeResult down = check.probe().run();

      // then
      assertThat(up).isEqualTo(ProbeResult.up("Alertmanager 0.25.0 at " + url));
      assertThat(down.state()).isEqualTo(DependencyState.DOWN);
      assertThat(down.detail())
          .startsWith("HTTP 500 from ")
          .endsWith("; check JAMIE_ALERTMANAGER_URL");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void unsetIntegrationsAreNotConfiguredNamingTheirSetting() throws IOException, Exception {
    // when
    List<ProbeResult> results =
        List.of(
            ServiceChecks.argoCd(null).probe().run(),
            ServiceChecks.grafana(null).probe().run(),
            ServiceChecks.prometheus(null).probe().run(),
            ServiceChecks.alertmanager(null).probe().run());

    // then
    assertThat(results).allMatch(r -> r.state() == DependencyState.NOT_CONFIGURED);
    assertThat(results).extracting(ProbeResult::detail).allMatch(d -> d.startsWith("set JAMIE_"));
  }
}
