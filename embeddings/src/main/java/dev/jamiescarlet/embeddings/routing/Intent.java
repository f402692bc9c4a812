package dev.jamiescarlet.embeddings.routing;

import java.util.List;

/**
 * One thing people ask for: a name, the command template it becomes, whether it writes (and so
 * needs a higher bar), a description for "did you mean" buttons, example utterances, keywords that
 * point to it ("uncordon", "schedulable"), and lead-in phrases cut from free text ("remember that
 * …"). A null template marks what is not a command (small talk, open questions): when it wins, the
 * message is left alone.
 */
public record Intent(
    String name,
    String description,
    CommandTemplate template,
    boolean write,
    List<String> examples,
    List<String> keywords,
    List<String> leadIns) {

  /** False for the catch-all intents that stand for "not a command". */
  public boolean command() {
    return template != null;
  }
}
