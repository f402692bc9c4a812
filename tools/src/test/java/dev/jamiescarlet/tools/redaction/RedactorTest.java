package dev.jamiescarlet.tools.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One focused case per kind: what replaces the secret and what context stays. */
class RedactorTest {
  private final Redactor redactor = Redactor.get();

  @Test
  void bearerHeaderKeepsTheScheme() {
    // when
    Redaction r = redactor.scan("Authorization: Bearer 4f9c2a7e1b8d4c3fa0e6");

    // then
    assertThat(r.text()).isEqualTo("Authorization: Bearer [REDACTED:bearer]");
    assertThat(r.findings()).containsEntry("bearer", 1);
  }

  @Test
  void urlPasswordKeepsUserAndHost() {
    // when
    String out = redactor.redact("postgres://app:s3cret@db:5432/orders");

    // then
    assertThat(out).isEqualTo("postgres://app:[REDACTED:password]@db:5432/orders");
  }

  @Test
  void envDumpKeepsTheName() {
    // when
    String out = redactor.redact("DB_PASSWORD=hunter2\nLOG_LEVEL=info");

    // then
    assertThat(out).isEqualTo("DB_PASSWORD=[REDACTED:env]\nLOG_LEVEL=info");
  }

  @Test
  void jsonValueKeepsItsQuotes() {
    // when
    String out = redactor.redact("{\"client_secret\": \"abc123def456\", \"id\": 7}");

    // then
    assertThat(out).isEqualTo("{\"client_secret\": \"[REDACTED:secret]\", \"id\": 7}");
  }

  @Test
  void privateKeyGoesWhole() {
    // when
    String out =
        redactor.redact(
            "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEabc\ndef==\n-----END RSA PRIVATE KEY-----\nok");

    // then
    assertThat(out).isEqualTo("key:\n[REDACTED:private-key]\nok");
  }

  @Test
  void selfIdentifyingTokensAreNamed() {
    // when
    Redaction r =
        redactor.scan(
            "xoxb-1234567890-abcdefghij eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_123"
                + " AKIAIOSFODNN7EXAMPLE ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ012345");

    // then
    assertThat(r.text())
        .isEqualTo(
            "[REDACTED:slack-token] [REDACTED:jwt] [REDACTED:aws-key] [REDACTED:github-token]");
    assertThat(r.total()).isEqualTo(4);
  }

  @Test
  void slackWebhookKeepsTheHost() {
    // when
    String out = redactor.redact("url=https://hooks.slack.com/services/T01/B02/abcdef123456");

    // then
    assertThat(out).isEqualTo("url=https://hooks.slack.com/services/[REDACTED:slack-webhook]");
  }

  @Test
  void azureConnectionStringKeepsTheOtherParts() {
    // when
    String out = redactor.redact("AccountName=shop;AccountKey=Zm9vYmFy==;EndpointSuffix=x");

    // then
    assertThat(out).isEqualTo("AccountName=shop;AccountKey=[REDACTED:azure-key];EndpointSuffix=x");
  }

  @Test
  void kubernetesEnvEntryIsRedactedByName() {
    // when
    String out = redactor.redact("- name: API_TOKEN\n  value: abc123\n- name: MODE\n  value: fast");

    // then
    assertThat(out)
        .isEqualTo("- name: API_TOKEN\n  value: [REDACTED:env]\n- name: MODE\n  value: fast");
  }

  @Test
  void cleanTextComesBackAsIs() {
    // given
    String line = "orders-7d9f8b6c5-x2k4p 1/1 Running token expired";

    // when
    Redaction r = redactor.scan(line);

    // then
    assertThat(r.text()).isSameAs(line);
    assertThat(r.clean()).isTrue();
    assertThat(redactor.redact(null)).isNull();
  }

  @Test
  void aMegabyteLogIsScannedInOnePass() {
    // given a 1 MB log mixing clean lines, secrets and half-formed triggers
    StringBuilder log = new StringBuilder();
    int secrets = 0;
    while (log.length() < 1_000_000) {
      log.append("2026-11-21T10:00:00Z INFO orders-7d9f8b6c5-x2k4p served /api/orders in 12ms\n")
          .append("-----BEGIN ://a:b token: password= eyJ. xoxb- Bearer \n")
          .append("DB_PASSWORD=hunter2 postgres://app:pw@db/x\n");
      secrets += 2;
    }

    // when
    Redaction r = redactor.scan(log.toString());

    // then
    assertThat(r.text()).doesNotContain("hunter2").doesNotContain(":pw@");
    assertThat(r.text().length()).isBetween(log.length() / 2, log.length() * 2);
    assertThat(r.findings())
        .containsEntry("env", secrets / 2)
        .containsEntry("password", secrets / 2);
  }

  @Test
  void theFormsFromIssue14KeepTheirWordsAndLoseTheirValues() {
    // when / then
    assertThat(redactor.redact("remember the db password is hunter2"))
        .isEqualTo("remember the db password is [REDACTED:password]");
    assertThat(redactor.redact("pw: hunter2")).isEqualTo("pw: [REDACTED:password]");
    assertThat(redactor.redact("DB_PASS=hunter2")).isEqualTo("DB_PASS=[REDACTED:env]");
    assertThat(redactor.redact("key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, region eu-west-1"))
        .isEqualTo("key [REDACTED:aws-secret], region eu-west-1");
  }

  @Test
  void wordsAboutAPasswordAreNotAPassword() {
    // when / then
    assertThat(redactor.redact("the password is incorrect")).isEqualTo("the password is incorrect");
    assertThat(redactor.redact("password reset failed for user bob"))
        .isEqualTo("password reset failed for user bob");
    assertThat(redactor.redact("DB_PASS_FILE=/run/secrets/db"))
        .isEqualTo("DB_PASS_FILE=/run/secrets/db");
  }

  @Test
  void fortyCharacterIdsAreNotAwsKeys() {
    // given a git SHA, base64 of text, and a class name, each 40 characters
    String line =
        "da39a3ee5e6b4b0d3255bfef95601890afd80709 cmVwbGljYXM6IDMgaW1hZ2U6IG9yZGVycyB2MS40"
            + " AbstractSingletonProxyFactoryBeanHelpers";

    // when / then
    assertThat(redactor.redact(line)).isEqualTo(line);
  }
}
