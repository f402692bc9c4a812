package dev.jamiescarlet.embeddings.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the router made of a message: the intent it guessed, the entities it resolved (slot to
 * value, e.g. {@code workload → deploy/checkout}), notes on names it could not resolve, and the
 * intent's usage line.
 */
public record Understood(
    String intent,
    String description,
    boolean write,
    Map<String, String> entities,
    List<String> notes,
    String usage) {

  public Understood {
    entities = Map.copyOf(entities);
    notes = List.copyOf(notes);
  }

  /** One line for Slack, e.g. "Logs of a workload? I understood workload deploy/checkout, …". */
  public String summary() {
    StringBuilder out = new StringBuilder(description).append('?');
    List<String> parts = new ArrayList<>();
    entities.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> parts.add(e.getKey() + " `" + e.getValue() + "`"));
    if (!parts.isEmpty()) {
      out.append(" I understood ").append(String.join(", ", parts)).append('.');
    }
    if (!notes.isEmpty()) {
      out.append(" I don't know ").append(String.join(", ", notes)).append('.');
    }
    return out.toString();
  }
}
