package dev.jamiescarlet.embeddings.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {
  private final CommandTemplate logs =
      CommandTemplate.parse(
          "logs {workload} -n {namespace} [--tail {number}] [--previous {?previous}] [--cluster {otherCluster}]");

  @Test
  void requiredSlotsAreTheOnesOutsideBrackets() {
    assertThat(logs.verb()).isEqualTo("logs");
    assertThat(logs.required()).containsExactly("workload", "namespace");
    assertThat(logs.slots())
        .containsExactly("workload", "namespace", "number", "previous", "otherCluster");
  }

  @Test
  void optionalGroupsAppearOnlyWithTheirValuesAndFlagsWriteNothing() {
    // given values for the required slots and the previous flag
    Map<String, String> values =
        Map.of("workload", "deploy/checkout", "namespace", "shop", "previous", "yes");

    // when rendered
    String line = logs.render(values);

    // then the tail and cluster groups are left out and the flag group is written bare
    assertThat(line).isEqualTo("logs deploy/checkout -n shop --previous");
  }

  @Test
  void aMissingRequiredSlotRendersNothingAndIsNamed() {
    Map<String, String> values = Map.of("namespace", "shop", "number", "50");

    assertThat(logs.render(values)).isNull();
    assertThat(logs.missing(values)).containsExactly("workload");
  }

  @Test
  void usageShowsSlotsInCapitals() {
    assertThat(logs.usage())
        .isEqualTo(
            "logs WORKLOAD -n NAMESPACE [--tail NUMBER] [--previous] [--cluster OTHERCLUSTER]");
  }

  @Test
  void unbalancedBracketsAreRejectedWithTheTemplateNamed() {
    assertThatThrownBy(() -> CommandTemplate.parse("pods [-n {namespace}"))
        .hasMessageContaining("[ without ]")
        .hasMessageContaining("pods [-n {namespace}");
    assertThatThrownBy(() -> CommandTemplate.parse("pods -n {namespace}]"))
        .hasMessageContaining("] without [");
    assertThatThrownBy(() -> CommandTemplate.parse("pods [-n [{namespace}]]"))
        .hasMessageContaining("Nested");
  }
}
