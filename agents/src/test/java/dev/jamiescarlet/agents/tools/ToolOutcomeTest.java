package dev.jamiescarlet.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolOutcomeTest {

  @Test
  void dataAndNotesAreOkReportedErrorsAreErrorsAndPermissionsAreRefusals() {
    ToolOutput output = new ToolOutput(new Evidence());
    String data =
        output.data("list_pods", "namespace=shop", "the cluster", "checkout 1/1", List.of());
    String note = output.note("propose_action", "", ProposalTools.PROPOSED);
    String notFound =
        output.error("read_logs", "name=x", "pod x not found", "Call list_pods first.");
    String forbidden =
        output.error(
            "read_logs",
            "name=x",
            "forbidden",
            ToolErrors.hint(
                new KubernetesToolException(
                    KubernetesToolException.Kind.FORBIDDEN, "forbidden", null),
                List.of()));
    String notProposable =
        output.error("propose_action", "", "`delete` " + ProposalTools.NOT_PROPOSABLE + ".", "");

    assertThat(ToolOutcome.of(data, false)).isEqualTo(ToolOutcome.OK);
    assertThat(ToolOutcome.of(note, false)).isEqualTo(ToolOutcome.OK);
    assertThat(ToolOutcome.of(notFound, false)).isEqualTo(ToolOutcome.ERROR);
    assertThat(ToolOutcome.of(forbidden, false)).isEqualTo(ToolOutcome.REFUSED);
    assertThat(ToolOutcome.of(notProposable, false)).isEqualTo(ToolOutcome.REFUSED);
    assertThat(ToolOutcome.of(data, true)).isEqualTo(ToolOutcome.ERROR);
  }
}
