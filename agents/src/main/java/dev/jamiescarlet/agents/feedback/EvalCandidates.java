package dev.jamiescarlet.agents.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the "Not helpful" reasons kept in {@code eval_candidates} as eval case folders ({@code
 * candidate-<answer id>/case.yaml}) for a person to finish: the question is filled in, the
 * expectations and the {@code script.yaml} are theirs to write.
 */
public final class EvalCandidates {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private EvalCandidates() {}

  /** Exports the newest {@code limit} candidates under {@code dir}; returns the folders written. */
  public static List<Path> export(AgentAnswers answers, Path dir, int limit) {
    return export(answers.candidates(limit), dir);
  }

  /** Exports {@code candidates} under {@code dir}, leaving folders that already exist alone. */
  public static List<Path> export(List<EvalCandidate> candidates, Path dir) {
    List<Path> written = new ArrayList<>();
    for (EvalCandidate c : candidates) {
      String id = c.answerId() == null ? "" : c.answerId().replaceAll("[^A-Za-z0-9-]", "");
      Path folder = dir.resolve("candidate-" + (id.isEmpty() ? "unknown" : id));
      if (Files.exists(folder)) {
        continue;
      }
      Map<String, Object> yaml = new LinkedHashMap<>();
      yaml.put("agent", c.agent());
      yaml.put("question", c.question());
      Map<String, Object> from = new LinkedHashMap<>();
      from.put("answerId", c.answerId());
      from.put("model", c.model());
      from.put("reason", c.reason());
      from.put("answer", c.answer());
      yaml.put("candidate", from);
      yaml.put("expect", Map.of("answerContains", List.of(), "answerNotContains", List.of()));
      try {
        Files.createDirectories(folder);
        YAML.writeValue(folder.resolve("case.yaml").toFile(), yaml);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write " + folder + ": " + e.getMessage() + "; check the directory is writable",
            e);
      }
      written.add(folder);
    }
    return written;
  }
}
