package dev.jamiescarlet.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.Demo;
import dev.jamiescarlet.bot.sandbox.SandboxClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** App Home as a person's to-do list: approvals waiting for them, confirmable from there. */
class DemoApprovalsHomeIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static Demo demo;
  private static SandboxClient slack;

  @BeforeAll
  static void startDemo() {
    demo = Demo.start(Map.of("JAMIE_SANDBOX_PORT", "0", "JAMIE_HTTP_PORT", "0"));
    slack = new SandboxClient(demo.sandbox().baseUrl());
  }

  @AfterAll
  static void stopDemo() {
    if (demo != null) {
      demo.close();
    }
  }

  private static JsonNode awaitHome(String user, Supplier<Boolean> open, String... parts) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode home;
    do {
      open.get();
      sleep();
      home = slack.home(user);
      boolean all = true;
      for (String part : parts) {
        all &= home.toString().contains(part);
      }
      if (all) {
        return home;
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "home of " + user + " never showed " + String.join(", ", parts) + ": " + home);
  }

  @Test
  void anAdminSeesAnOperatorsProposalInHomeAndConfirmsItThere() {
    // given Ada proposes a restart in #shop
    String since = slack.post("C0SHOP", "U0ADA", "/jamie restart deploy/frontend -n shop");
    JsonNode proposal =
        slack.awaitMessage(
            "C0SHOP", since, m -> m.toString().contains("Restart deployment shop/frontend?"), WAIT);
    String id =
        proposal
            .toString()
            .replaceAll(".*\"action_id\":\"approval.confirm\",\"value\":\"([0-9a-f]+)\".*", "$1");

    // when Cat (admin) opens Home, the proposal waits there with a Confirm
    awaitHome(
        "U0CAT",
        () -> {
          slack.openHome("U0CAT");
          return true;
        },
        "restart deploy/frontend",
        "approval.confirm");

    // and Bob (viewer) does not see it
    JsonNode bobs =
        awaitHome(
            "U0BOB",
            () -> {
              slack.openHome("U0BOB");
              return true;
            },
            "Waiting for you");
    assertThat(bobs.toString()).doesNotContain("restart deploy/frontend");

    // when Cat confirms from Home, the outcome arrives in the DM
    slack.click(null, "U0CAT", "approval.confirm", id);
    slack.awaitMessage(
        "D0JAMIE", "0", m -> m.toString().contains("Done: restart deployment shop/frontend"), WAIT);

    // and Ada's Home lists it among her recent actions
    awaitHome(
        "U0ADA",
        () -> {
          slack.openHome("U0ADA");
          return true;
        },
        "Your recent actions",
        "executed");
  }

  @Test
  void onTheProductionTenantAdaAsksAndCatConfirmsWithAReason() throws InterruptedException {
    // given Ada's restart on tenant-b, which the demo policy makes production
    String since =
        slack.post("C0SHOP", "U0ADA", "/jamie restart deploy/web -n shop --cluster tenant-b");
    JsonNode proposal =
        slack.awaitMessage(
            "C0SHOP", since, m -> m.toString().contains("Restart deployment shop/web?"), WAIT);
    assertThat(proposal.toString()).contains("Production scope").contains("tenant-b");
    String id =
        proposal
            .toString()
            .replaceAll(".*\"action_id\":\"approval.confirm\",\"value\":\"([0-9a-f]+)\".*", "$1");

    // when Cat confirms, she is asked why, and then it runs on tenant-b
    slack.click("C0SHOP", "U0CAT", "approval.confirm", id);
    JsonNode modal = slack.modal("U0CAT");
    for (int i = 0;
        i < 50 && (modal == null || !modal.toString().contains("approval_reason"));
        i++) {
      Thread.sleep(100);
      modal = slack.modal("U0CAT");
    }
    slack.submitView(
        "U0CAT", Map.of("reason_input", "rolling the web tier after the cert rotation"));
    slack.awaitMessage(
        "C0SHOP", since, m -> m.toString().contains("Done: restart deployment shop/web"), WAIT);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
