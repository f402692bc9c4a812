package dev.jamiescarlet.agents.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * One investigation as stored in its task's payload: the question and who asked, where.
 *
 * @param id the task id
 * @param question what to investigate
 * @param asker who asked, where; the thread is where the status and report go
 * @param started when it was asked, for the wall-time limit
 */
public record Investigation(String id, String question, Asker asker, Instant started) {

  /** The task payload for a new investigation. */
  public static Document payload(String question, Asker asker, Instant started) {
    return new Document("question", question)
        .append("user", asker.user())
        .append("channel", asker.channel())
        .append("thread", asker.thread())
        .append("team", asker.team())
        .append("cluster", asker.cluster())
        .append("groups", List.copyOf(asker.groups()))
        .append("started", started.toString());
  }

  /** Reads a task payload back. */
  public static Investigation from(String id, Document p) {
    List<String> groups = p.getList("groups", String.class, List.of());
    Asker asker =
        new Asker(
            p.getString("user"),
            p.getString("channel"),
            p.getString("thread"),
            p.getString("team"),
            p.getString("cluster"),
            Set.copyOf(groups));
    return new Investigation(
        id, p.getString("question"), asker, Instant.parse(p.getString("started")));
  }
}
