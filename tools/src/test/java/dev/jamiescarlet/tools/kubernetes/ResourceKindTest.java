package dev.jamiescarlet.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceKindTest {

  @Test
  void acceptsKubectlShortNames() {
    // when / then
    assertThat(ResourceKind.parse("deploy")).isEqualTo(ResourceKind.DEPLOYMENT);
    assertThat(ResourceKind.parse("PO")).isEqualTo(ResourceKind.POD);
    assertThat(ResourceKind.parse("sts")).isEqualTo(ResourceKind.STATEFULSET);
    assertThat(ResourceKind.parse("no")).isEqualTo(ResourceKind.NODE);
    assertThat(ResourceKind.parse("cm")).isEqualTo(ResourceKind.CONFIGMAP);
    assertThat(ResourceKind.parse("CronJob")).isEqualTo(ResourceKind.CRONJOB);
  }

  @Test
  void unknownKindListsTheSupportedOnes() {
    // when / then
    assertThatThrownBy(() -> ResourceKind.parse("ingress"))
        .isInstanceOf(KubernetesToolException.class)
        .hasMessageContaining("`ingress`")
        .hasMessageContaining("deployment (deploy)")
        .hasMessageContaining("namespace (ns)");
  }

  @Test
  void secretsAreNeverDescribed() {
    // when / then
    assertThatThrownBy(() -> ResourceKind.parse("Secret"))
        .isInstanceOf(KubernetesToolException.class)
        .hasMessageContaining("I don't read Secrets");
    assertThat(ResourceKind.values()).extracting(ResourceKind::kind).doesNotContain("Secret");
  }
}
