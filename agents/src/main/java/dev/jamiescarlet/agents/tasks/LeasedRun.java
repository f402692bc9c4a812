package dev.jamiescarlet.agents.tasks;

import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bson.Document;

/**
 * The {@link TaskRun} a worker hands to a handler: every write is guarded by this attempt's lease.
 */
final class LeasedRun implements TaskRun {
  private static final int MAX_KEY = 200;

  private final Tasks tasks;
  private final String id;
  private final int attempt;
  private final Document payload;
  private final Map<String, String> steps = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();
  private volatile String lost;

  /** Starts attempt {@code attempt} of the task as it was read at claim time. */
  LeasedRun(Tasks tasks, Document task, int attempt) {
    this.tasks = tasks;
    this.id = task.getString("_id");
    this.attempt = attempt;
    this.payload = task.get("payload", new Document());
    for (Document step : task.getList("steps", Document.class, List.of())) {
      steps.put(step.getString("name"), step.getString("output"));
    }
    Document stored = task.get("notes", new Document());
    stored.keySet().forEach(key -> notes.put(key, stored.getString(key)));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public Document payload() {
    return payload;
  }

  @Override
  public String step(String name, Callable<String> work) throws Exception {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("step name is blank; name each step of task " + id);
    }
    synchronized (steps) {
      if (steps.containsKey(name)) {
        return steps.get(name);
      }
    }
    ensureHeld("run step '" + name + "'");
    // a zombie skips the work; the guarded write below covers the race that remains
    if (!tasks.holds(id, attempt)) {
      throw lost("run step '" + name + "'");
    }
    String output = work.call();
    Document step =
        new Document("name", name)
            .append("output", output)
            .append("completed", Date.from(tasks.clock().instant()))
            .append("attempt", attempt);
    if (!tasks.updateHeld(id, attempt, push("steps", step))) {
      throw lost("store step '" + name + "'");
    }
    synchronized (steps) {
      steps.put(name, output);
    }
    return output;
  }

  @Override
  public boolean once(String key, Runnable effect) {
    checkKey("effect", key);
    ensureHeld("claim effect '" + key + "'");
    Document claim =
        new Document("state", "claimed")
            .append("claimed", Date.from(tasks.clock().instant()))
            .append("attempt", attempt);
    boolean claimed =
        tasks.updateHeld(
            id, attempt, exists("effects." + key, false), set("effects." + key, claim));
    if (!claimed) {
      Document effects = tasks.raw(id).map(t -> t.get("effects", new Document())).orElseThrow();
      if (effects.containsKey(key)) {
        return false;
      }
      throw lost("claim effect '" + key + "'");
    }
    try {
      effect.run();
    } catch (RuntimeException e) {
      tasks.markEffect(id, key, "failed", TaskWorker.describe(e));
      throw e;
    }
    tasks.markEffect(id, key, "done", null);
    return true;
  }

  @Override
  public void note(String key, String value) {
    checkKey("note", key);
    ensureHeld("note '" + key + "'");
    if (!tasks.updateHeld(id, attempt, set("notes." + key, value))) {
      throw lost("note '" + key + "'");
    }
    synchronized (notes) {
      notes.put(key, value);
    }
  }

  @Override
  public Optional<String> noteOf(String key) {
    synchronized (notes) {
      return Optional.ofNullable(notes.get(key));
    }
  }

  @Override
  public boolean cancelled() {
    // handlers ask this right after an interrupt, and the driver refuses to read on an interrupted
    // thread
    boolean interrupted = Thread.interrupted();
    try {
      return tasks
          .raw(id)
          .map(t -> TaskState.CANCELLED.name().equals(t.getString("state")))
          .orElse(true);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Called by the heartbeat when a renewal finds the lease gone. */
  void markLost(String why) {
    lost = why;
  }

  boolean isLost() {
    return lost != null;
  }

  private void ensureHeld(String action) {
    String why = lost;
    if (why != null) {
      throw new LeaseLostException(
          "task " + id + " attempt " + attempt + " cannot " + action + ": " + why);
    }
  }

  /** Says who holds the task now, so the log explains the lost lease. */
  private LeaseLostException lost(String action) {
    String why =
        tasks
            .raw(id)
            .map(
                t ->
                    TaskState.CANCELLED.name().equals(t.getString("state"))
                        ? "the task was cancelled"
                        : "the lease passed to "
                            + t.getString("owner")
                            + " (attempt "
                            + t.getInteger("attempts", 0)
                            + ", state "
                            + t.getString("state")
                            + ")")
            .orElse("the task was deleted");
    lost = why;
    return new LeaseLostException(
        "task " + id + " attempt " + attempt + " cannot " + action + ": " + why);
  }

  private static void checkKey(String kind, String key) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException(
          kind + " key is blank or longer than " + MAX_KEY + " characters; use a short name");
    }
    if (key.indexOf('.') >= 0 || key.startsWith("$")) {
      throw new IllegalArgumentException(
          kind
              + " key '"
              + key
              + "' contains '.' or starts with '$'; it becomes a MongoDB field name, so use letters, digits, '-',"
              + " '_' or ':'");
    }
  }
}
