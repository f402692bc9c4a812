package dev.jamiescarlet.tools.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.argocd.ArgoCdException.Kind;
import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArgoCdTlsIT {
  private static LocalArgoCd argo;

  @BeforeAll
  static void start() {
    argo = LocalArgoCd.startTls(SelfSignedTls.serverContext());
  }

  @AfterAll
  static void stop() {
    argo.close();
  }

  @Test
  void aSelfSignedCertificateIsRefusedByDefaultNamingTheFix() {
    // given
    try (ArgoCdClient client = new ArgoCdClient(argo.settings())) {
      // when / then
      assertThatThrownBy(() -> client.applications(null))
          .isInstanceOfSatisfying(
              ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
          .hasMessageStartingWith("Argo CD at " + argo.url() + " failed the TLS handshake")
          .hasMessageContaining("add its CA to the JVM trust store")
          .hasMessageContaining("JAMIE_ARGOCD_INSECURE=true");
      // the token never reached a server the client does not trust
      assertThat(argo.requests("GET", "/api/v1/applications")).isEmpty();
    }
  }

  @Test
  void insecureTlsAcceptsTheCertificateAndItsWrongHostName() {
    // given a certificate for argocd.example, reached as 127.0.0.1
    try (ArgoCdClient client = new ArgoCdClient(argo.settings().withInsecureTls(true))) {
      // when
      AppDetail catalog = client.application("catalog");

      // then
      assertThat(catalog.summary().healthStatus()).isEqualTo("Healthy");
    }
  }
}
