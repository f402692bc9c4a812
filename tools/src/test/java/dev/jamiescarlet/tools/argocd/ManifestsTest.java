package dev.jamiescarlet.tools.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ManifestsTest {
  private final Manifests manifests = new Manifests(new ObjectMapper());

  @Test
  void jsonBecomesYamlWithSortedKeysAndNoServerFields() {
    // given
    String live =
        "{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"c\",\"uid\":\"1\","
            + "\"resourceVersion\":\"9\",\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"{}\"}},"
            + "\"data\":{\"b\":\"2\",\"a\":\"1\"},\"status\":{}}";

    // when
    String yaml = manifests.yaml(live);

    // then
    assertThat(yaml)
        .isEqualTo(
            """
            apiVersion: v1
            data:
              a: "1"
              b: "2"
            kind: ConfigMap
            metadata:
              name: c
            """);
  }

  @Test
  void absentObjectsAreEmptyAndNonJsonIsKeptAsItCame() {
    // when / then
    assertThat(manifests.yaml("null")).isEmpty();
    assertThat(manifests.yaml("")).isEmpty();
    assertThat(manifests.yaml(null)).isEmpty();
    assertThat(manifests.yaml("kind: [unclosed")).isEqualTo("kind: [unclosed\n");
  }
}
