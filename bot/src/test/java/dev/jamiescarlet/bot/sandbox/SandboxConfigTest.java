package dev.jamiescarlet.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SandboxConfigTest {

  @Test
  void givenDefaults_whenRead_thenDemoIdentities() {
    SandboxConfig c = SandboxConfig.defaults(3000);

    assertThat(c.botUserId()).isEqualTo("U0JAMIE");
    assertThat(c.botId()).isEqualTo("B0JAMIE");
    assertThat(c.teamId()).isEqualTo("T0SANDBOX");
    assertThat(c.delivery()).isEqualTo(DeliveryMode.SOCKET);
    assertThat(c.withHttpDelivery(URI.create("http://127.0.0.1:1/slack/events")).delivery())
        .isEqualTo(DeliveryMode.HTTP);
  }

  @Test
  void givenBadSettings_whenBuilt_thenErrorsNameTheFix() {
    assertThatThrownBy(() -> SandboxConfig.defaults(70_000))
        .hasMessageContaining("JAMIE_SANDBOX_PORT");
    assertThatThrownBy(() -> SandboxConfig.defaults(0).withCredentials("nope", "xapp-1", "s"))
        .hasMessageContaining("xoxb-");
    assertThatThrownBy(() -> SandboxConfig.defaults(0).withCredentials("xoxb-1", "nope", "s"))
        .hasMessageContaining("xapp-");
    assertThatThrownBy(() -> SandboxConfig.defaults(0).withHttpDelivery(null))
        .hasMessageContaining("request URL");
  }
}
