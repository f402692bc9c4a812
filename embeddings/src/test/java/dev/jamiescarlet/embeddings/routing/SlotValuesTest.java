package dev.jamiescarlet.embeddings.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlotValuesTest {
  private final List<String> leadIns = List.of("runbook", "runbook for", "is there a runbook for");

  @Test
  void theLongestLeadInIsCut() {
    assertThat(SlotValues.freeText("Is there a runbook for   image pull errors?", leadIns))
        .isEqualTo("image pull errors");
    assertThat(SlotValues.freeText("runbook: disk pressure", leadIns)).isEqualTo("disk pressure");
  }

  @Test
  void aLeadInMustEndAtAWordBoundary() {
    assertThat(SlotValues.leadIn("runbooks are great", leadIns)).isZero();
    assertThat(SlotValues.freeText("runbooks are great", leadIns)).isEqualTo("runbooks are great");
  }

  @Test
  void nothingLeftMeansNoText() {
    assertThat(SlotValues.freeText("runbook for?", leadIns)).isNull();
  }
}
