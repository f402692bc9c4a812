package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PayloadsTest {

  @Test
  void anAlertmanagerV4PayloadBecomesABatchOfItsAlerts() {
    // when
    AlertBatch batch =
        Payloads.parse(AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-firing.json"));

    // then
    assertThat(batch.groupId()).startsWith("alertmanager:{}/{severity=\"critical\"}");
    assertThat(batch.title()).isEqualTo("KubePodCrashLooping");
    assertThat(batch.externalUrl()).isEqualTo("http://alertmanager.monitoring:9093");
    assertThat(batch.alerts()).hasSize(2);
    Alert first = batch.alerts().getFirst();
    assertThat(first.fingerprint()).isEqualTo("5c3a4e1f9b2d7a60");
    assertThat(first.firing()).isTrue();
    assertThat(first.labels()).containsEntry("pod", "checkout-7d9c8b6f5-x2k4p");
    assertThat(first.startsAt()).isEqualTo(Instant.parse("2026-11-21T09:48:30.123Z"));
    assertThat(first.endsAt()).as("Go's zero time means not ended").isNull();
  }

  @Test
  void aPayloadRecordedFromARealAlertmanagerParses() {
    // given the body a real Alertmanager posted (copied from the tools module's recording)
    AlertBatch batch =
        Payloads.parse(AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-recorded.json"));

    // then
    assertThat(batch.groupKey()).isEqualTo("{}:{alertname=\"JamieAlwaysFiring\"}");
    assertThat(batch.title()).isEqualTo("Always firing, for tests");
    assertThat(batch.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.fingerprint()).isEqualTo("f01ff91ed5a8d366");
              assertThat(a.firing()).isTrue();
              assertThat(a.endsAt()).isNull();
              assertThat(a.url()).startsWith("http://127.0.0.1:9090/graph");
            });
  }

  @Test
  void aGrafanaPayloadLinksToItsPanel() {
    AlertBatch batch = Payloads.parse(AlertSource.GRAFANA, Fixtures.bytes("grafana-firing.json"));

    assertThat(batch.groupKey()).startsWith("1/{}");
    assertThat(batch.title()).isEqualTo("Checkout p99 latency above 2 s");
    assertThat(batch.alerts().getFirst().url()).endsWith("viewPanel=4");
  }

  @Test
  void anArgoCdSyncFailureIsOneFiringAlertPerApplication() {
    AlertBatch batch =
        Payloads.parse(AlertSource.ARGOCD, Fixtures.bytes("argocd-sync-failed.json"));

    assertThat(batch.groupId()).isEqualTo("argocd:shop/shop-checkout");
    Alert alert = batch.alerts().getFirst();
    assertThat(alert.fingerprint()).isEqualTo("shop-checkout");
    assertThat(alert.firing()).isTrue();
    assertThat(alert.labels())
        .containsEntry("namespace", "shop")
        .containsEntry("severity", "warning");
    assertThat(alert.annotations().get("description")).contains("failed to apply");
  }

  @Test
  void argoCdSuccessResolvesAndAnUnknownEventNamesTheKnownOnes() {
    byte[] ok = "{\"app\":\"a\",\"event\":\"sync-succeeded\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(Payloads.parse(AlertSource.ARGOCD, ok).alerts().getFirst().firing()).isFalse();

    byte[] odd = "{\"app\":\"a\",\"event\":\"exploded\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Payloads.parse(AlertSource.ARGOCD, odd))
        .hasMessageContaining("event `exploded`")
        .hasMessageContaining("sync-failed");
  }

  @Test
  void malformedJsonIsA400WithTheParserReason() {
    byte[] body = "{\"alerts\": [".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Payloads.parse(AlertSource.ALERTMANAGER, body))
        .isInstanceOfSatisfying(HookException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageStartingWith("the body is not valid JSON");
  }

  @Test
  void aMissingFieldIsA400NamingIt() {
    String noFingerprint =
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"firing\"}]}";
    assertThatThrownBy(
            () ->
                Payloads.parse(
                    AlertSource.ALERTMANAGER, noFingerprint.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("alerts[0].fingerprint is missing (a non-empty string)");
    assertThatThrownBy(
            () ->
                Payloads.parse(
                    AlertSource.ALERTMANAGER, "{\"alerts\":[]}".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("groupKey is missing (a non-empty string)");
  }

  @Test
  void aDeliveryWithNoAlertsIsA400AndNeverAnEmptyGroup() {
    String empty = "{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"resolved\",\"alerts\":[]}";
    for (AlertSource s : java.util.List.of(AlertSource.ALERTMANAGER, AlertSource.GRAFANA)) {
      assertThatThrownBy(() -> Payloads.parse(s, empty.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOfSatisfying(HookException.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessageStartingWith("no alerts in payload");
    }
  }

  @Test
  void aLabelNameWithANulByteIsRefusedBeforeItIsStored() {
    // the parser already refuses it; the check is the second line for batches built elsewhere
    AlertBatch b =
        new AlertBatch(
            AlertSource.ALERTMANAGER,
            "g",
            "X",
            null,
            java.util.List.of(
                new Alert(
                    "f1",
                    true,
                    java.util.Map.of("te\u0000am", "x"),
                    java.util.Map.of(),
                    java.time.Instant.EPOCH,
                    null,
                    null)));

    assertThatThrownBy(() -> PayloadCheck.storable(b))
        .isInstanceOfSatisfying(HookException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("alerts[0].labels has a name with a NUL byte (`te\\u0000am`)");
  }

  @Test
  void unpairedSurrogatesBecomeTheReplacementCharacter() {
    assertThat(PayloadJson.clean("a\ud800b\udc00c")).isEqualTo("a\ufffdb\ufffdc");
    assertThat(PayloadJson.clean("ok \ud83d\ude00")).isEqualTo("ok \ud83d\ude00");
  }

  @Test
  void aLabelNameWithANulByteIsA400NamingTheField() {
    // given a label name the store could never write (found by PayloadsFuzzTest)
    String nulKey =
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"fingerprint\":\"f\","
            + "\"status\":\"firing\",\"labels\":{\"alert\\u0000name\":\"X\"}}]}";

    // then it is refused at intake, not accepted and then stuck in the store
    assertThatThrownBy(
            () -> Payloads.parse(AlertSource.ALERTMANAGER, nulKey.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(HookException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageStartingWith("alerts[0].labels has a name with a NUL byte");
    String nulKind =
        "{\"cluster\":\"c\",\"namespace\":\"n\",\"kind\":\"Po\\u0000d\",\"name\":\"p\","
            + "\"reason\":\"BackOff\",\"status\":\"firing\"}";
    assertThatThrownBy(
            () -> Payloads.parse(AlertSource.KUBERNETES, nulKind.getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("kind has a name with a NUL byte");
  }
}
