package dev.jamiescarlet.embeddings.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookChunkerTest {
  private static final String RUNBOOK =
      """
      # CrashLoopBackOff

      A container starts, exits and is restarted with growing back-off.

      ## Symptoms

      `Back-off restarting failed container` in events.

      ## Diagnose

      ```bash
      # not a heading: a shell comment
      kubectl logs deploy/checkout --previous
      ```

      ## Fix

      ### Wrong DATABASE_URL

      Fix the secret.
      """;

  @Test
  void splitsAtSecondLevelHeadingsAndKeepsTheIntro() {
    // given a runbook with a title, an intro and three sections
    // when it is chunked
    List<RunbookChunk> chunks = RunbookChunker.chunk("crashloopbackoff.md", RUNBOOK);

    // then the intro and each ## section are chunks, citing file and heading
    assertThat(chunks)
        .extracting(RunbookChunk::citation)
        .containsExactly(
            "crashloopbackoff.md",
            "crashloopbackoff.md › Symptoms",
            "crashloopbackoff.md › Diagnose",
            "crashloopbackoff.md › Fix");
    assertThat(chunks).allMatch(c -> c.title().equals("CrashLoopBackOff"));
    assertThat(chunks.get(0).text()).startsWith("A container starts");
  }

  @Test
  void aHashInsideACodeFenceIsNotAHeading() {
    RunbookChunk diagnose = RunbookChunker.chunk("c.md", RUNBOOK).get(2);

    assertThat(diagnose.text()).contains("# not a heading", "kubectl logs deploy/checkout");
  }

  @Test
  void smallSubsectionsStayWithTheirSection() {
    RunbookChunk fix = RunbookChunker.chunk("c.md", RUNBOOK).get(3);

    assertThat(fix.heading()).isEqualTo("Fix");
    assertThat(fix.text()).contains("### Wrong DATABASE_URL", "Fix the secret.");
    assertThat(fix.anchor()).isEqualTo("fix");
  }

  @Test
  void aLongSectionSplitsAtItsSubheadings() {
    // given a Fix section far over the size limit, in two ### parts
    String filler = "word ".repeat(RunbookChunker.MAX_SECTION_CHARS / 5);
    String md =
        "# T\n\n## Fix\n\nintro\n\n### Wrong image tag\n\n"
            + filler
            + "\n\n### Registry auth\n\n"
            + filler;

    // when chunked
    List<RunbookChunk> chunks = RunbookChunker.chunk("t.md", md);

    // then each subsection is its own chunk under the section's heading
    assertThat(chunks)
        .extracting(RunbookChunk::heading)
        .containsExactly("Fix", "Fix › Wrong image tag", "Fix › Registry auth");
    assertThat(chunks.get(1).anchor()).isEqualTo("wrong-image-tag");
  }

  @Test
  void aFileWithoutTitleUsesItsNameAndSearchTextCarriesContext() {
    List<RunbookChunk> chunks = RunbookChunker.chunk("dns.md", "## Symptoms\n\nNXDOMAIN\n");

    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).title()).isEqualTo("dns.md");
    assertThat(chunks.get(0).searchText()).isEqualTo("dns.md — Symptoms\nNXDOMAIN");
  }

  @Test
  void blankFileHasNoChunks() {
    assertThat(RunbookChunker.chunk("empty.md", "\n\n")).isEmpty();
  }
}
