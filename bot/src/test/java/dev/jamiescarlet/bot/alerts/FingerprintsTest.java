package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

  @Test
  void theFirstEightBytesOfTheSha256InHex() {
    // sha256("a") = ca978112ca1bbdcafac231b39a23dc4d…
    assertThat(Fingerprints.of("a")).isEqualTo("ca978112ca1bbdca");
  }

  @Test
  void warningEventFingerprintsKeepTheirValues() {
    // stored groups keep matching new occurrences after the helper moved
    assertThat(KubernetesEventPayload.fingerprint("demo", "shop", "Pod", "checkout-1", "BackOff"))
        .isEqualTo("ebc5de0a2d19b685");
  }
}
