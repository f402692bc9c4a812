package dev.jamiescarlet.agents.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * A snapshot of one task as stored: its steps in completion order, its effects ({@code claimed},
 * {@code done} or {@code failed: …}), notes, lease and last error. {@code owner}, {@code
 * leaseUntil} and {@code error} may be null.
 */
public record TaskView(
    String id,
    String type,
    Document payload,
    TaskState state,
    List<Step> steps,
    Map<String, String> effects,
    Map<String, String> notes,
    String owner,
    Instant leaseUntil,
    int attempts,
    String error,
    Instant created,
    Instant updated) {

  /** One completed step: its name, stored output and when it completed. */
  public record Step(String name, String output, Instant completed) {}

  /** The output of a completed step. */
  public Optional<String> output(String step) {
    return steps.stream().filter(s -> s.name().equals(step)).map(Step::output).findFirst();
  }

  static TaskView of(Document doc) {
    List<Step> steps = new ArrayList<>();
    for (Document step : doc.getList("steps", Document.class, List.of())) {
      steps.add(
          new Step(step.getString("name"), step.getString("output"), instant(step, "completed")));
    }
    Map<String, String> effects = new LinkedHashMap<>();
    Document effectDocs = doc.get("effects", new Document());
    for (String key : effectDocs.keySet()) {
      Document effect = effectDocs.get(key, Document.class);
      String state = effect.getString("state");
      String error = effect.getString("error");
      effects.put(key, error == null ? state : state + ": " + error);
    }
    Map<String, String> notes = new LinkedHashMap<>();
    Document noteDocs = doc.get("notes", new Document());
    for (String key : noteDocs.keySet()) {
      notes.put(key, noteDocs.getString(key));
    }
    return new TaskView(
        doc.getString("_id"),
        doc.getString("type"),
        doc.get("payload", new Document()),
        TaskState.valueOf(doc.getString("state")),
        List.copyOf(steps),
        Collections.unmodifiableMap(effects),
        Collections.unmodifiableMap(notes),
        doc.getString("owner"),
        instant(doc, "leaseUntil"),
        doc.getInteger("attempts", 0),
        doc.getString("error"),
        instant(doc, "created"),
        instant(doc, "updated"));
  }

  private static Instant instant(Document doc, String field) {
    Date date = doc.getDate(field);
    return date == null ? null : date.toInstant();
  }
}
