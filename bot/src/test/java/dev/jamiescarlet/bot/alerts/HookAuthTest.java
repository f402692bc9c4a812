package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.bot.config.AlertsConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HookAuthTest {
  private static final byte[] BODY = "{\"alerts\":[]}".getBytes(StandardCharsets.UTF_8);
  private final HookAuth auth =
      new HookAuth(new AlertsConfig("shared", null, "grafana-only", null, null, null));

  @Test
  void theRightBearerTokenPasses() {
    assertThatCode(() -> auth.check(AlertSource.ALERTMANAGER, "Bearer shared", null, BODY))
        .doesNotThrowAnyException();
  }

  @Test
  void aWrongBearerTokenIs401EvenWithAValidSignature() {
    assertThatThrownBy(
            () ->
                auth.check(
                    AlertSource.ALERTMANAGER, "Bearer nope", HookAuth.sign("shared", BODY), BODY))
        .isInstanceOfSatisfying(
            HookException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("JAMIE_HOOK_TOKEN_ALERTMANAGER");
  }

  @Test
  void theBodysHmacPassesAndATamperedBodyDoesNot() {
    // given a signature of the body under the shared token
    String signature = HookAuth.sign("shared", BODY);

    // then it passes for that body and not for another
    assertThatCode(() -> auth.check(AlertSource.ARGOCD, null, signature, BODY))
        .doesNotThrowAnyException();
    byte[] tampered = "{\"alerts\":[1]}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> auth.check(AlertSource.ARGOCD, null, signature, tampered))
        .isInstanceOfSatisfying(
            HookException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void aPerHookTokenOverridesTheSharedOne() {
    assertThatCode(() -> auth.check(AlertSource.GRAFANA, "Bearer grafana-only", null, BODY))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> auth.check(AlertSource.GRAFANA, "Bearer shared", null, BODY))
        .isInstanceOf(HookException.class);
  }

  @Test
  void noCredentialsIs401() {
    assertThatThrownBy(() -> auth.check(AlertSource.ALERTMANAGER, null, null, BODY))
        .isInstanceOfSatisfying(
            HookException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void noTokenSetIs503NamingTheSetting() {
    HookAuth unset = new HookAuth(AlertsConfig.none());
    assertThatThrownBy(() -> unset.check(AlertSource.GRAFANA, "Bearer x", null, BODY))
        .isInstanceOfSatisfying(
            HookException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(503))
        .hasMessageStartingWith("set JAMIE_HOOK_TOKEN (or JAMIE_HOOK_TOKEN_GRAFANA)");
  }

  @Test
  void theHeadersAloneRefuseAStrangerBeforeTheBodyIsRead() {
    // no credentials, or a wrong bearer token: 401 without the body
    assertThatThrownBy(() -> auth.checkHeaders(AlertSource.ALERTMANAGER, null, null))
        .isInstanceOfSatisfying(
            HookException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> auth.checkHeaders(AlertSource.ALERTMANAGER, "Bearer nope", null))
        .isInstanceOf(HookException.class);

    // the right token needs no body; a signature is verified once the body is read
    org.assertj.core.api.Assertions.assertThat(
            auth.checkHeaders(AlertSource.ALERTMANAGER, "Bearer shared", null))
        .isFalse();
    org.assertj.core.api.Assertions.assertThat(
            auth.checkHeaders(AlertSource.ARGOCD, null, HookAuth.sign("x", BODY)))
        .isTrue();
    assertThatThrownBy(
            () -> auth.checkSignature(AlertSource.ARGOCD, HookAuth.sign("x", BODY), BODY))
        .isInstanceOf(HookException.class);
  }
}
