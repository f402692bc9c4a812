package dev.jamiescarlet.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalToolsTest {

  @Test
  void anAllowedVerbIsRecordedWithTheEvidenceItCitesAndNothingRuns() {
    // given two earlier tool calls
    ToolContext ctx = Contexts.memory(() -> null, List.of());
    ctx.evidence().add("read_logs", "name=checkout", "connection refused", List.of("checkout"));
    ctx.evidence().add("list_events", "namespace=shop", "BackOff", List.of("shop"));

    // when
    String out =
        new ProposalTools(ctx)
            .proposeAction(
                "  restart deployment/checkout -n shop ",
                "It crash-loops on a stale pool (E1, E9).");

    // then
    assertThat(out)
        .startsWith("[E3] ")
        .contains(
            "Proposed: a person must approve it in Slack before anything changes. Do not say it"
                + " has been done.");
    assertThat(ctx.proposals().all())
        .containsExactly(
            new Proposal(
                "restart deployment/checkout -n shop",
                "It crash-loops on a stale pool (E1, E9).",
                List.of("E1")));
  }

  @Test
  void aReasonCitingNothingRestsOnEveryCallSoFar() {
    // given
    ToolContext ctx = Contexts.memory(() -> null, List.of());
    ctx.evidence().add("list_pods", "", "x", List.of());
    ctx.evidence().add("list_pods", "", "y", List.of());

    // when
    new ProposalTools(ctx).proposeAction("scale deployment/checkout --replicas 2 -n shop", "load");

    // then
    assertThat(ctx.proposals().all().get(0).evidenceIds()).containsExactly("E1", "E2");
  }

  @Test
  void aVerbOutsideTheAllowedOnesIsRefusedListingThem() {
    // given an agent allowed restart and scale
    ToolContext ctx = Contexts.memory(() -> null, List.of());

    // when
    String out =
        new ProposalTools(ctx).proposeAction("delete namespace shop", "it is broken beyond repair");

    // then
    assertThat(out)
        .isEqualTo(
            "[E1] Error: `delete` is not a change this agent may propose. Allowed verbs: restart,"
                + " scale.");
    assertThat(ctx.proposals().all()).isEmpty();
  }

  @Test
  void severalLinesAreRefused() {
    // given
    ToolContext ctx = Contexts.memory(() -> null, List.of());

    // when
    String out =
        new ProposalTools(ctx)
            .proposeAction("restart deployment/a -n shop\nrestart deployment/b -n shop", "both");

    // then
    assertThat(out).contains("exactly one command line").contains("once per command");
    assertThat(ctx.proposals().all()).isEmpty();
  }
}
