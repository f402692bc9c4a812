package dev.jamiescarlet.tools.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgoCdSettingsTest {

  @Test
  void environmentGivesUrlTokenAndTlsWithDefaults() {
    // when
    ArgoCdSettings settings =
        ArgoCdSettings.fromEnv(
            Map.of(
                "JAMIE_ARGOCD_URL", "https://argocd.example",
                "JAMIE_ARGOCD_TOKEN", "secret-token",
                "JAMIE_ARGOCD_INSECURE", "true"));

    // then
    assertThat(settings.baseUrl()).hasToString("https://argocd.example/");
    assertThat(settings.insecureTls()).isTrue();
    assertThat(settings.connectTimeout()).isEqualTo(ArgoCdSettings.CONNECT_TIMEOUT);
    assertThat(settings.requestTimeout()).isEqualTo(ArgoCdSettings.REQUEST_TIMEOUT);
    assertThat(settings.toString()).doesNotContain("secret-token");
  }

  @Test
  void insecureTlsIsOffByDefault() {
    // when
    ArgoCdSettings settings = ArgoCdSettings.of("https://argocd.example/", "t");

    // then
    assertThat(settings.insecureTls()).isFalse();
    assertThat(settings.withInsecureTls(true).insecureTls()).isTrue();
  }

  @Test
  void missingOrWrongValuesNameTheVariable() {
    // when / then
    assertThatThrownBy(() -> ArgoCdSettings.fromEnv(Map.of("JAMIE_ARGOCD_TOKEN", "t")))
        .hasMessageStartingWith("JAMIE_ARGOCD_URL is not set");
    assertThatThrownBy(() -> ArgoCdSettings.of("https://argocd.example/", " "))
        .hasMessageStartingWith("JAMIE_ARGOCD_TOKEN is not set")
        .hasMessageContaining("argocd account generate-token");
    assertThatThrownBy(() -> ArgoCdSettings.of("argocd.example", "t"))
        .hasMessageStartingWith("JAMIE_ARGOCD_URL must start with https://");
    assertThatThrownBy(() -> ArgoCdSettings.of("https://argo cd", "t"))
        .hasMessageStartingWith("JAMIE_ARGOCD_URL is not a URL");
  }
}
