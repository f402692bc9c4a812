package dev.jamiescarlet.bot.evals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an eval case expects: tools that must and must not be called, text the answer must and must
 * not contain (case-insensitive), and the proposals (command prefixes; an empty list: none; null:
 * not checked). That no write was executed is always checked.
 */
public record Expectations(
    List<String> toolsCalled,
    List<String> toolsNotCalled,
    List<String> answerContains,
    List<String> answerNotContains,
    List<String> proposals) {

  static Expectations parse(JsonNode node) {
    return new Expectations(
        list(node.path("toolsCalled")),
        list(node.path("toolsNotCalled")),
        list(node.path("answerContains")),
        list(node.path("answerNotContains")),
        node.has("proposals") ? list(node.path("proposals")) : null);
  }

  /** The failed assertions for what the run observed; empty when the case passed. */
  public List<String> check(Observation seen) {
    List<String> failed = new ArrayList<>();
    for (String tool : toolsCalled) {
      if (!seen.tools().contains(tool)) {
        failed.add("tool " + tool + " not called (called: " + seen.tools() + ")");
      }
    }
    for (String tool : toolsNotCalled) {
      if (seen.tools().contains(tool)) {
        failed.add("tool " + tool + " called but must not be");
      }
    }
    String answer = seen.answer().toLowerCase(Locale.ROOT);
    for (String text : answerContains) {
      if (!answer.contains(text.toLowerCase(Locale.ROOT))) {
        failed.add("answer lacks \"" + text + "\"");
      }
    }
    for (String text : answerNotContains) {
      if (answer.contains(text.toLowerCase(Locale.ROOT))) {
        failed.add("answer contains \"" + text + "\"");
      }
    }
    if (proposals != null) {
      if (proposals.isEmpty() && !seen.proposals().isEmpty()) {
        failed.add("expected no proposal, got " + seen.proposals().size());
      }
      for (String prefix : proposals) {
        if (seen.proposals().stream().noneMatch(p -> proposes(p, prefix))) {
          failed.add("no proposal of `" + prefix + "`");
        }
      }
    }
    if (seen.writesExecuted() > 0) {
      failed.add(seen.writesExecuted() + " write(s) executed");
    }
    if (!seen.finished()) {
      failed.add("no finished answer in time");
    }
    return failed;
  }

  /**
   * Whether a posted proposal's text matches a command prefix such as {@code restart
   * deployment/checkout}: its verb and the object's name (the preview names the kind its own way).
   */
  static boolean proposes(String proposalText, String prefix) {
    String text = proposalText.toLowerCase(Locale.ROOT);
    String[] words = prefix.toLowerCase(Locale.ROOT).strip().split("\\s+");
    String verb = words[0];
    String object = words.length > 1 ? words[1] : "";
    String name = object.substring(object.indexOf('/') + 1);
    return text.contains(verb) && text.contains(name);
  }

  private static List<String> list(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
