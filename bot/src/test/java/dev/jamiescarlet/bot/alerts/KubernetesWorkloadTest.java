package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kubernetes warnings count one alert per workload, so replaced pods do not pile up in a group. */
class KubernetesWorkloadTest {
  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private static AlertBatch warning(String pod) {
    return KubernetesEventPayload.parse(
        new KubernetesEventPayload.Warning(
                "demo", "shop", "Pod", pod, "BackOff", "Back-off", 3, T0, true, null)
            .body());
  }

  @Test
  void generatedPodNamesNameTheirWorkload() {
    assertThat(KubernetesEventPayload.workload("Pod", "checkout-7d9c8b6f5-x2k4p"))
        .isEqualTo("checkout");
    assertThat(KubernetesEventPayload.workload("Pod", "node-exporter-7xk2p"))
        .isEqualTo("node-exporter");
    // a StatefulSet's pods, a bare pod and other kinds keep their own names
    assertThat(KubernetesEventPayload.workload("Pod", "db-0")).isEqualTo("db-0");
    assertThat(KubernetesEventPayload.workload("Pod", "api-1")).isEqualTo("api-1");
    assertThat(KubernetesEventPayload.workload("Deployment", "web-7d9c8b6f5-x2k4p"))
        .isEqualTo("web-7d9c8b6f5-x2k4p");
  }

  @Test
  void twoHundredReplacedPodsOfOneDeploymentAreOneAlertInTheGroup() {
    // when 200 pods of the checkout deployment crash loop one after another
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    Set<String> fingerprints = new HashSet<>();
    AlertGroup g = null;
    for (int i = 0; i < 200; i++) {
      String suffix = "" + alphabet.charAt(i % 27) + alphabet.charAt(i / 27) + "x" + "k" + "p";
      AlertBatch b = warning("checkout-7d9c8b6f5-" + suffix);
      fingerprints.add(b.alerts().getFirst().fingerprint());
      g = GroupMerge.merge(g, b, "C0ALERTS", T0.plusSeconds(i)).group();
    }

    // then the group holds one alert for the workload, naming the latest pod
    assertThat(fingerprints).hasSize(1);
    assertThat(g.alerts()).hasSize(1);
    assertThat(g.alerts().getFirst().labels()).containsEntry("workload", "checkout");
    assertThat(g.alerts().getFirst().labels().get("pod")).startsWith("checkout-7d9c8b6f5-");
  }
}
