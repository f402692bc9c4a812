package dev.jamiescarlet.agents.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.agents.mongo.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating, reading, listing and cancelling tasks, and the keys a handler may use. */
class TasksIT {
  private static final Instant START = Instant.parse("2026-11-21T20:00:00Z");
  private final MutableClock clock = new MutableClock(START);
  private EmbeddedMongo mongo;
  private Tasks tasks;

  @BeforeEach
  void setUp() {
    mongo = EmbeddedMongo.inMemory();
    tasks = new Tasks(mongo.db(), clock, "replica-1");
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  @Test
  void aNewTaskIsPendingWithItsPayloadAndNothingDone() {
    // when
    String id = tasks.create("investigate", new Document("question", "why?"));

    // then
    TaskView task = tasks.get(id).orElseThrow();
    assertThat(task.id()).isEqualTo(id);
    assertThat(task.type()).isEqualTo("investigate");
    assertThat(task.payload().getString("question")).isEqualTo("why?");
    assertThat(task.state()).isEqualTo(TaskState.PENDING);
    assertThat(task.steps()).isEmpty();
    assertThat(task.effects()).isEmpty();
    assertThat(task.notes()).isEmpty();
    assertThat(task.owner()).isNull();
    assertThat(task.leaseUntil()).isNull();
    assertThat(task.attempts()).isZero();
    assertThat(task.created()).isEqualTo(START);
    assertThat(task.updated()).isEqualTo(START);
    assertThat(tasks.get("no-such-id")).isEmpty();
  }

  @Test
  void listFiltersByTypeAndStateNewestFirst() {
    // given three tasks created a minute apart, one cancelled
    String first = tasks.create("investigate", null);
    clock.advance(Duration.ofMinutes(1));
    String second = tasks.create("investigate", null);
    clock.advance(Duration.ofMinutes(1));
    String other = tasks.create("digest", null);
    tasks.cancel(second);

    // then
    assertThat(tasks.list(null, null, 10))
        .extracting(TaskView::id)
        .containsExactly(other, second, first);
    assertThat(tasks.list("investigate", null, 10))
        .extracting(TaskView::id)
        .containsExactly(second, first);
    assertThat(tasks.list("investigate", TaskState.PENDING, 10))
        .extracting(TaskView::id)
        .containsExactly(first);
    assertThat(tasks.list(null, null, 1)).extracting(TaskView::id).containsExactly(other);
    assertThatThrownBy(() -> tasks.list(null, null, 0)).hasMessageContaining("ask for 1 to 1000");
  }

  @Test
  void cancelOnlyTouchesUnfinishedTasks() {
    String id = tasks.create("investigate", null);
    assertThat(tasks.cancel(id)).isTrue();
    assertThat(tasks.get(id).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
    assertThat(tasks.get(id).orElseThrow().state().finished()).isTrue();
    assertThat(tasks.cancel(id)).isFalse();
    assertThat(tasks.cancel("no-such-id")).isFalse();
  }

  @Test
  void badArgumentsSayHowToFixThem() {
    assertThatThrownBy(() -> tasks.create(" ", null))
        .hasMessageContaining("registered under in TaskWorker");
    assertThatThrownBy(() -> new Tasks(mongo.db(), clock, ""))
        .hasMessageContaining("Tasks.replicaId()");
    assertThatThrownBy(() -> new TaskWorker(tasks, Map.of()))
        .hasMessageContaining("pass a map from task type to TaskHandler");
    assertThat(Tasks.replicaId()).isNotEqualTo(Tasks.replicaId());
  }

  @Test
  void effectAndNoteKeysMustBeFieldNamesAndStepNamesMustNotBeBlank() throws Exception {
    // given a handler trying bad keys
    AtomicReference<String> problems = new AtomicReference<>("");
    TaskWorker worker =
        new TaskWorker(
            tasks,
            Map.of(
                "investigate",
                run -> {
                  problems.set(
                      problem(() -> run.once("post.report", () -> {}))
                          + "|"
                          + problem(() -> run.note("$ts", "1"))
                          + "|"
                          + problem(() -> run.step(" ", () -> "x")));
                }));
    String id = tasks.create("investigate", null);

    // when it runs
    try (worker) {
      assertThat(worker.runNow(id)).isTrue();
      Await.until("done", () -> tasks.get(id).orElseThrow().state() == TaskState.DONE);
    }

    // then each key was refused with a fix
    assertThat(problems.get())
        .contains("effect key 'post.report' contains '.'")
        .contains("note key '$ts'")
        .contains("step name is blank");
  }

  private static String problem(ThrowingRunnable action) {
    try {
      action.run();
      return "accepted";
    } catch (Exception e) {
      return e.getMessage();
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
