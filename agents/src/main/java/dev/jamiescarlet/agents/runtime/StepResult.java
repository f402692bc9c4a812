package dev.jamiescarlet.agents.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamiescarlet.agents.tools.EvidenceItem;
import dev.jamiescarlet.agents.tools.Proposal;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * One investigation step's stored output: its text, the evidence gathered in it and any proposals,
 * as JSON in the task so a resumed investigation rebuilds them without re-running.
 *
 * @param text what the model wrote
 * @param evidence tool calls made in this step
 * @param proposals proposals made in this step
 * @param names object names the step's tool calls showed, for the judge's grounding check
 */
record StepResult(
    String text, List<EvidenceItem> evidence, List<Proposal> proposals, Set<String> names) {
  private static final ObjectMapper JSON = new ObjectMapper();

  StepResult {
    text = text == null ? "" : text;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    proposals = proposals == null ? List.of() : List.copyOf(proposals);
    names = names == null ? Set.of() : Set.copyOf(names);
  }

  static StepResult text(String text) {
    return new StepResult(text, List.of(), List.of(), Set.of());
  }

  String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StepResult parse(String json) {
    try {
      return JSON.readValue(json, StepResult.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a stored investigation step is not valid JSON", e);
    }
  }
}
