package dev.jamiescarlet.bot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.runtime.Progress;
import dev.jamiescarlet.agents.runtime.Report;
import dev.jamiescarlet.agents.tools.EvidenceItem;
import dev.jamiescarlet.agents.tools.Proposal;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScarletMessagesTest {
  @Test
  void theStatusShowsEachStepAndWhatItIsDoingNow() {
    Progress p =
        Progress.start("why is catalog restarting")
            .with("plan", Progress.State.DONE, "1. read_logs catalog")
            .with("evidence", Progress.State.RUNNING, null)
            .doing("reading logs {\"name\":\"catalog\"}");

    String text = ScarletMessages.status("Scarlet", p).blocks().toString();

    assertThat(text)
        .contains("Scarlet is investigating", ":white_check_mark: *plan* — 1. read_logs catalog")
        .contains(":hourglass_flowing_sand: *evidence*", ":white_circle: *conclusion*")
        .contains("Now: reading logs", "1 tool call");
  }

  @Test
  void aShortReportIsOneMessageAndALongOneAlsoCarriesTheMarkdown() {
    EvidenceItem e1 = new EvidenceItem("E1", "read_logs", "name=catalog", "OOMKilled");
    Proposal raise =
        new Proposal("limits deployment/catalog --memory 512Mi -n shop", "E1", List.of("E1"));
    Report shortOne =
        new Report(
            "why is catalog restarting",
            "Root cause: OOMKilled [E1].\nConfidence: high",
            "high",
            List.of(e1),
            List.of(raise),
            "1. logs",
            "1. limit",
            "1. confirmed",
            null);
    Report longOne =
        new Report(
            shortOne.question(),
            shortOne.conclusion(),
            "high",
            List.of(e1),
            List.of(raise),
            "step\n".repeat(600),
            "1. limit",
            "1. confirmed",
            null);

    Message shortMessage = ScarletMessages.report("Scarlet", shortOne);
    Message longMessage = ScarletMessages.report("Scarlet", longOne);

    assertThat(shortMessage.blocks().toString())
        .contains(
            "Confidence: *HIGH*", "`E1` read_logs", "limits deployment/catalog --memory 512Mi");
    assertThat(shortMessage.blocks()).noneMatch(Block.Code.class::isInstance);
    assertThat(longMessage.blocks())
        .filteredOn(Block.Code.class::isInstance)
        .singleElement()
        .satisfies(b -> assertThat(((Block.Code) b).title()).isEqualTo("report.md"));
  }
}
