package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import dev.jamiescarlet.tools.grafana.FakeGrafana;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every write the bot executes is annotated on Grafana, tagged with its verb and place. */
class DemoGrafanaAnnotationsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static FakeGrafana grafana;
  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void start() {
    grafana = FakeGrafana.start(false);
    demo =
        Demo.start(
            Map.of(
                "JAMIE_SANDBOX_PORT", "0",
                "JAMIE_HTTP_PORT", "0",
                "JAMIE_MEMORY", "false",
                "JAMIE_GRAFANA_URL", grafana.url(),
                "JAMIE_GRAFANA_TOKEN", FakeGrafana.TOKEN));
    slack = new SandboxClient(demo.sandbox().baseUrl());
  }

  @AfterAll
  static void stop() {
    if (demo != null) {
      demo.close();
    }
    if (grafana != null) {
      grafana.close();
    }
  }

  @Test
  void aConfirmedRestartIsAnnotatedAndAProposalAloneIsNot() throws InterruptedException {
    // given Ada's restart proposal
    String since = slack.post("C0SHOP", "U0ADA", "/jamie restart deploy/checkout -n shop");
    JsonNode proposal =
        slack.awaitMessage(
            "C0SHOP", since, m -> m.toString().contains("Restart deployment shop/checkout?"), WAIT);
    assertThat(grafana.annotations()).isEmpty();
    String id =
        proposal
            .toString()
            .replaceAll(".*\"action_id\":\"approval.confirm\",\"value\":\"([0-9a-f]+)\".*", "$1");

    // when she confirms it
    slack.click("C0SHOP", "U0ADA", "approval.confirm", id);
    slack.awaitMessage("C0SHOP", since, m -> m.toString().contains("Done"), WAIT);

    // then Grafana has one annotation saying what ran, where and for whom
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (grafana.annotations().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(grafana.annotations()).hasSize(1);
    String annotation = grafana.annotations().get(0).toString();
    assertThat(annotation)
        .contains("restart", "checkout", "U0ADA")
        .contains("\"jamie\"", "\"cluster:demo\"", "\"namespace:shop\"");
  }
}
