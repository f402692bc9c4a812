package dev.jamiescarlet.agents.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCandidatesTest {

  @Test
  void aNotHelpfulReasonBecomesACaseFolderToFinish(@TempDir Path dir) throws Exception {
    // given a candidate kept from a "Not helpful" click
    EvalCandidate c =
        new EvalCandidate(
            "a1b2:../x",
            "jamie",
            "llama",
            "U0ADA",
            "why is checkout crashing?",
            "It is fine.",
            "it missed the connection refused in the logs",
            Instant.EPOCH);

    // when it is exported twice
    List<Path> first = EvalCandidates.export(List.of(c), dir);
    List<Path> second = EvalCandidates.export(List.of(c), dir);

    // then one folder with a safe name holds the question and the reason; nothing is overwritten
    assertThat(first).containsExactly(dir.resolve("candidate-a1b2x"));
    assertThat(second).isEmpty();
    String yaml = Files.readString(dir.resolve("candidate-a1b2x/case.yaml"));
    assertThat(yaml)
        .contains("agent: \"jamie\"", "question: \"why is checkout crashing?\"")
        .contains("it missed the connection refused in the logs", "expect:");
  }
}
