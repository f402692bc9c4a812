package dev.jamiescarlet.agents.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.mongo.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker dies mid-task: another replica resumes after the lease, and nothing completed runs or
 * posts twice.
 */
class TaskCrashIT {
  private static final WorkerSettings SETTINGS =
      new WorkerSettings(Duration.ofSeconds(60), Duration.ofMillis(20), 4, 3);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T20:00:00Z"));
  private final AtomicInteger[] calls = new AtomicInteger[6];
  private final AtomicInteger proposals = new AtomicInteger();
  private final AtomicInteger reports = new AtomicInteger();
  private final List<TaskWorker> workers = new ArrayList<>();
  private EmbeddedMongo mongo;

  @BeforeEach
  void setUp() {
    mongo = EmbeddedMongo.inMemory();
    for (int i = 1; i <= 5; i++) {
      calls[i] = new AtomicInteger();
    }
  }

  @AfterEach
  void tearDown() {
    workers.forEach(TaskWorker::close);
    mongo.close();
  }

  @Test
  void aCrashedWorkersTaskResumesOnAnotherAtTheNextStepAndTheZombieStoresNothing()
      throws Exception {
    // given worker A blocked inside step 3's work after steps 1–2 and the proposal, then dead (no
    // heartbeat)
    CountDownLatch inStep3 = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    AtomicReference<Exception> aFailure = new AtomicReference<>();
    CountDownLatch aEnded = new CountDownLatch(1);
    TaskHandler handlerA =
        catching(
            investigation(
                3,
                () -> {
                  inStep3.countDown();
                  releaseA.await();
                  return "late-from-A";
                }),
            aFailure,
            aEnded);
    Tasks tasksA = new Tasks(mongo.db(), clock, "replica-A");
    TaskWorker a = worker(tasksA, handlerA);
    String id = tasksA.create("investigate", new Document("question", "why is checkout slow?"));
    assertThat(a.runNow(id)).isTrue();
    assertThat(inStep3.await(10, TimeUnit.SECONDS)).isTrue();
    a.simulateCrash();

    // when the lease expires and worker B claims the task
    clock.advance(Duration.ofSeconds(61));
    Tasks tasksB = new Tasks(mongo.db(), clock, "replica-B");
    TaskWorker b = worker(tasksB, investigation(0, null));
    assertThat(b.runNow(id)).isTrue();
    Await.until("B finishes", () -> state(tasksB, id) == TaskState.DONE);

    // then B resumed at step 3: steps 1–2 ran once, every effect happened once, steps are stored in
    // order
    TaskView done = tasksB.get(id).orElseThrow();
    assertThat(done.steps())
        .extracting(TaskView.Step::name)
        .containsExactly("step-1", "step-2", "step-3", "step-4", "step-5");
    assertThat(done.output("step-3")).hasValue("out-3#1");
    assertThat(calls[1]).hasValue(1);
    assertThat(calls[2]).hasValue(1);
    assertThat(calls[4]).hasValue(1);
    assertThat(calls[5]).hasValue(1);
    assertThat(proposals).hasValue(1);
    assertThat(reports).hasValue(1);
    assertThat(done.effects())
        .containsEntry("post-proposal", "done")
        .containsEntry("post-report", "done");
    assertThat(done.owner()).isEqualTo("replica-B");
    assertThat(done.attempts()).isEqualTo(2);

    // when the zombie A wakes up and finishes its step-3 work
    releaseA.countDown();
    assertThat(aEnded.await(10, TimeUnit.SECONDS)).isTrue();

    // then its output is refused with LeaseLostException and the task is unchanged
    assertThat(aFailure.get())
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("store step 'step-3'")
        .hasMessageContaining("replica-B");
    TaskView after = tasksB.get(id).orElseThrow();
    assertThat(after.output("step-3")).hasValue("out-3#1");
    assertThat(after.steps()).hasSize(5);
    assertThat(after.state()).isEqualTo(TaskState.DONE);
  }

  @Test
  void aZombieBetweenStepsDoesNotRunTheNextStepsWork() throws Exception {
    // given worker A dead between step 2 and step 3, and B having finished the task after the lease
    CountDownLatch afterStep2 = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    AtomicReference<Exception> aFailure = new AtomicReference<>();
    CountDownLatch aEnded = new CountDownLatch(1);
    TaskHandler blocking =
        run -> {
          run.step("step-1", () -> "one");
          run.step("step-2", () -> "two");
          afterStep2.countDown();
          releaseA.await();
          run.step("step-3", () -> "zombie-" + calls[3].incrementAndGet());
        };
    Tasks tasksA = new Tasks(mongo.db(), clock, "replica-A");
    TaskWorker a = worker(tasksA, catching(blocking, aFailure, aEnded));
    String id = tasksA.create("investigate", null);
    assertThat(a.runNow(id)).isTrue();
    assertThat(afterStep2.await(10, TimeUnit.SECONDS)).isTrue();
    a.simulateCrash();
    clock.advance(Duration.ofSeconds(61));
    Tasks tasksB = new Tasks(mongo.db(), clock, "replica-B");
    TaskWorker b = worker(tasksB, run -> run.step("step-3", () -> "three"));
    assertThat(b.runNow(id)).isTrue();
    Await.until("B finishes", () -> state(tasksB, id) == TaskState.DONE);

    // when A wakes up
    releaseA.countDown();
    assertThat(aEnded.await(10, TimeUnit.SECONDS)).isTrue();

    // then A stops before calling step 3's work
    assertThat(aFailure.get()).isInstanceOf(LeaseLostException.class);
    assertThat(calls[3]).hasValue(0);
    assertThat(tasksB.get(id).orElseThrow().output("step-3")).contains("three");
  }

  @Test
  void twoWorkersRacingForOneTaskRunItOnce() throws Exception {
    for (int round = 0; round < 10; round++) {
      // given one task and two replicas released at the same moment
      AtomicInteger runs = new AtomicInteger();
      TaskHandler counting = run -> run.step("only", () -> "run-" + runs.incrementAndGet());
      Tasks tasksA = new Tasks(mongo.db(), clock, "racer-A-" + round);
      Tasks tasksB = new Tasks(mongo.db(), clock, "racer-B-" + round);
      TaskWorker a = worker(tasksA, counting);
      TaskWorker b = worker(tasksB, counting);
      String id = tasksA.create("investigate", null);
      CountDownLatch go = new CountDownLatch(1);
      AtomicInteger claimed = new AtomicInteger();
      Thread ta = Thread.ofVirtual().start(() -> claimIfGo(go, a, id, claimed));
      Thread tb = Thread.ofVirtual().start(() -> claimIfGo(go, b, id, claimed));

      // when both claim
      go.countDown();
      ta.join();
      tb.join();
      Await.until("the task is done", () -> state(tasksA, id) == TaskState.DONE);

      // then exactly one claimed it and its handler ran once
      assertThat(claimed).hasValue(1);
      assertThat(runs).hasValue(1);
      assertThat(tasksA.get(id).orElseThrow().attempts()).isEqualTo(1);
    }
  }

  private static void claimIfGo(
      CountDownLatch go, TaskWorker worker, String id, AtomicInteger claimed) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (worker.runNow(id)) {
      claimed.incrementAndGet();
    }
  }

  /**
   * Five counted steps, a proposal after step 2 and a report at the end; step {@code blockAt} may
   * run other work.
   */
  private TaskHandler investigation(
      int blockAt, java.util.concurrent.Callable<String> blockingWork) {
    return run -> {
      for (int i = 1; i <= 5; i++) {
        int n = i;
        if (n == blockAt) {
          run.step("step-" + n, blockingWork);
        } else {
          run.step("step-" + n, () -> "out-" + n + "#" + calls[n].incrementAndGet());
        }
        if (n == 2) {
          run.once("post-proposal", proposals::incrementAndGet);
        }
      }
      run.once("post-report", reports::incrementAndGet);
    };
  }

  private static TaskHandler catching(
      TaskHandler handler, AtomicReference<Exception> failure, CountDownLatch ended) {
    return run -> {
      try {
        handler.run(run);
      } catch (Exception e) {
        failure.set(e);
        throw e;
      } finally {
        ended.countDown();
      }
    };
  }

  private TaskWorker worker(Tasks tasks, TaskHandler handler) {
    TaskWorker worker = new TaskWorker(tasks, Map.of("investigate", handler), SETTINGS);
    workers.add(worker);
    return worker;
  }

  private static TaskState state(Tasks tasks, String id) {
    return tasks.get(id).orElseThrow().state();
  }
}
