package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "the bot token is xoxb-1234567890-abcdefghij",
        "use `ghp_abcdefghijklmnopqrstuvwxyz012345` for the mirror",
        "aws key AKIAIOSFODNN7EXAMPLE is the ci one",
        "db password=hunter2hunter2",
        "-----BEGIN RSA PRIVATE KEY----- MIIE...",
        "set TOKEN=abc123 in the job",
        "remember the db password is hunter2",
        "pw: hunter2",
        "DB_PASS=hunter2",
        "the ci key is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
      })
  void credentialsAreSpotted(String text) {
    assertThat(Secrets.find(text)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "payments deploys freeze on Fridays",
        "the password for orders-db lives in vault at secret/shop/orders-db",
        "rotate the xoxb- tokens every quarter",
        "AKIA keys belong in the ci vault",
        "token rotation happens on the first Monday",
        "password reset failed for user bob",
        "the token bucket rate limit is 10 per second",
        "orders runs da39a3ee5e6b4b0d3255bfef95601890afd80709"
      })
  void ordinaryNotesAboutSecretsAreFine(String text) {
    assertThat(Secrets.find(text)).isEmpty();
  }

  @Test
  void theReasonNamesTheKindOfSecret() {
    assertThat(Secrets.find("xapp-1-A0123-4567890-abcdef")).contains("slack-token");
  }
}
