package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which object an alert is about, and the PromQL it carries. */
class EnrichmentTargetTest {

  private static Alert alert(Map<String, String> labels, Map<String, String> notes, String url) {
    return new Alert("f1", true, labels, notes, null, null, url);
  }

  @Test
  void anAlertmanagerGroupNamesItsPodAndExpression() {
    AlertGroup g =
        GroupMerge.merge(
                null,
                Payloads.parse(
                    AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-firing.json")),
                "C0ALERTS",
                java.time.Instant.EPOCH)
            .group();

    EnrichmentTarget t = EnrichmentTarget.of(g);

    assertThat(t.ref()).isEqualTo("pod/checkout-7d9c8b6f5-x2k4p");
    assertThat(t.namespace()).isEqualTo("shop");
    assertThat(t.container()).isEqualTo("checkout");
    assertThat(t.expr())
        .isEqualTo(
            "max_over_time(kube_pod_container_status_waiting_reason{reason=\"CrashLoopBackOff\"}[5m]) >= 1");
    assertThat(t.runbookUrl()).endsWith("/kubepodcrashlooping");
  }

  @Test
  void workloadLabelsAndKubernetesWarningsNameTheirWorkload() {
    assertThat(
            EnrichmentTarget.of(
                    alert(Map.of("namespace", "db", "statefulset", "pg"), Map.of(), null))
                .ref())
        .isEqualTo("sts/pg");
    assertThat(
            EnrichmentTarget.of(
                    alert(Map.of("namespace", "shop", "container", "cart"), Map.of(), null))
                .ref())
        .isEqualTo("deploy/cart");
    assertThat(
            EnrichmentTarget.of(
                    alert(
                        Map.of("namespace", "shop", "kind", "Deployment", "name", "web"),
                        Map.of(),
                        null))
                .ref())
        .isEqualTo("deploy/web");
  }

  @Test
  void noNamespaceOrNoObjectIsNoTarget() {
    assertThat(EnrichmentTarget.of(alert(Map.of("pod", "x"), Map.of(), null))).isNull();
    assertThat(EnrichmentTarget.of(alert(Map.of("namespace", "shop", "job", "x"), Map.of(), null)))
        .isNull();
  }

  @Test
  void aGrafanaRuleCanCarryItsQueryAsAnAnnotation() {
    Alert a =
        alert(
            Map.of("namespace", "shop", "pod", "p"),
            Map.of("expr", "rate(x[5m])"),
            "https://grafana/alerting/grafana/abc/view");

    assertThat(EnrichmentTarget.of(a).expr()).isEqualTo("rate(x[5m])");
    assertThat(
            EnrichmentTarget.queryParam("http://p/graph?g0.expr=up%7Bjob%3D%22a%22%7D", "g0.expr"))
        .isEqualTo("up{job=\"a\"}");
  }

  @Test
  void aResolvedOnlyGroupHasNoTarget() {
    AlertGroup g =
        GroupMerge.merge(
                null,
                Payloads.parse(
                    AlertSource.ALERTMANAGER, Fixtures.bytes("alertmanager-resolved.json")),
                "C0ALERTS",
                java.time.Instant.EPOCH)
            .group();

    assertThat(g.firingCount()).isZero();
    assertThat(EnrichmentTarget.of(g)).isNull();
  }
}
