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
 * One worker's life cycle of a task: polling, steps, retries, the attempt cap, heartbeat, cancel
 * and shutdown.
 */
class TaskWorkerIT {
  private static final Instant START = Instant.parse("2026-11-21T20:00:00Z");
  private static final WorkerSettings SETTINGS =
      new WorkerSettings(Duration.ofSeconds(60), Duration.ofMillis(20), 4, 3);

  private final MutableClock clock = new MutableClock(START);
  private final List<TaskWorker> workers = new ArrayList<>();
  private EmbeddedMongo mongo;
  private Tasks tasks;

  @BeforeEach
  void setUp() {
    mongo = EmbeddedMongo.inMemory();
    tasks = new Tasks(mongo.db(), clock, "replica-1");
  }

  @AfterEach
  void tearDown() {
    workers.forEach(TaskWorker::close);
    mongo.close();
  }

  @Test
  void thePollerRunsAFiveStepTaskToDoneWithStepsInOrder() throws Exception {
    // given a started worker and a task whose steps build on each other
    TaskWorker worker =
        worker(
            SETTINGS,
            run -> {
              String acc = run.payload().getString("question");
              for (String name : List.of("plan", "evidence", "hypotheses", "check", "conclusion")) {
                String before = acc;
                acc = run.step(name, () -> before + ">" + name);
              }
            });
    worker.start();

    // when a task is created
    String id = tasks.create("investigate", new Document("question", "q"));

    // then the poller claims it and every step is stored in order with its output
    Await.until("the task is done", () -> state(id) == TaskState.DONE);
    TaskView done = tasks.get(id).orElseThrow();
    assertThat(done.steps())
        .extracting(TaskView.Step::name)
        .containsExactly("plan", "evidence", "hypotheses", "check", "conclusion");
    assertThat(done.output("conclusion")).hasValue("q>plan>evidence>hypotheses>check>conclusion");
    assertThat(done.steps()).allSatisfy(s -> assertThat(s.completed()).isEqualTo(START));
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.error()).isNull();
    assertThat(done.leaseUntil()).isNull();
  }

  @Test
  void aFailingHandlerIsRetriedFromItsLastStepUntilTheAttemptCap() throws Exception {
    // given a handler whose first step succeeds and whose second always throws
    AtomicInteger firstStep = new AtomicInteger();
    AtomicInteger secondStep = new AtomicInteger();
    TaskWorker worker =
        worker(
            SETTINGS,
            run -> {
              run.step("fetch", () -> "fetched-" + firstStep.incrementAndGet());
              run.step(
                  "analyse",
                  () -> {
                    secondStep.incrementAndGet();
                    throw new IllegalStateException("model timed out");
                  });
            });
    String id = tasks.create("investigate", null);

    // when it runs once
    assertThat(worker.runNow(id)).isTrue();
    Await.until("the task is handed back", () -> state(id) == TaskState.PENDING);

    // then it is PENDING again with the error recorded and no owner
    TaskView retry = tasks.get(id).orElseThrow();
    assertThat(retry.error()).isEqualTo("IllegalStateException: model timed out");
    assertThat(retry.owner()).isNull();
    assertThat(retry.attempts()).isEqualTo(1);

    // when it runs twice more
    assertThat(worker.runNow(id)).isTrue();
    Await.until(
        "attempt 2 is handed back", () -> attempts(id) == 2 && state(id) == TaskState.PENDING);
    assertThat(worker.runNow(id)).isTrue();
    Await.until("the task fails", () -> state(id) == TaskState.FAILED);

    // then it failed with a readable error, and the completed step never ran again
    assertThat(tasks.get(id).orElseThrow().error())
        .isEqualTo("gave up after 3 attempts: IllegalStateException: model timed out");
    assertThat(firstStep).hasValue(1);
    assertThat(secondStep).hasValue(3);
    assertThat(worker.runNow(id)).isFalse();
  }

  @Test
  void taskFailedExceptionFailsAtOnce() throws Exception {
    // given a handler that rejects its payload
    TaskWorker worker =
        worker(
            SETTINGS,
            run -> {
              throw new TaskFailedException("payload has no namespace; create the task with one");
            });
    String id = tasks.create("investigate", new Document());

    // when it runs
    assertThat(worker.runNow(id)).isTrue();

    // then it is FAILED after one attempt with the handler's message
    Await.until("the task fails", () -> state(id) == TaskState.FAILED);
    assertThat(tasks.get(id).orElseThrow().error())
        .isEqualTo("payload has no namespace; create the task with one");
    assertThat(attempts(id)).isEqualTo(1);
  }

  @Test
  void aTaskWhoseWorkersKeepDyingFailsAfterTheAttemptCap() throws Exception {
    // given three workers that each claimed the task and died holding it
    CountDownLatch never = new CountDownLatch(1);
    String id = tasks.create("investigate", null);
    for (int i = 1; i <= 3; i++) {
      CountDownLatch entered = new CountDownLatch(1);
      TaskWorker doomed =
          worker(
              new Tasks(mongo.db(), clock, "doomed-" + i),
              SETTINGS,
              run -> {
                entered.countDown();
                never.await();
              });
      assertThat(doomed.runNow(id)).isTrue();
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      doomed.simulateCrash();
      clock.advance(Duration.ofSeconds(61));
    }
    AtomicInteger ran = new AtomicInteger();
    TaskWorker last = worker(SETTINGS, run -> ran.incrementAndGet());

    // when a fourth worker claims it
    assertThat(last.runNow(id)).isTrue();

    // then it is FAILED naming the last dead worker, without running the handler
    Await.until("the task fails", () -> state(id) == TaskState.FAILED);
    assertThat(tasks.get(id).orElseThrow().error())
        .startsWith(
            "gave up after 3 attempts: worker doomed-3 stopped renewing its lease (expired ");
    assertThat(ran).hasValue(0);
    never.countDown();
  }

  @Test
  void notesSurviveARetry() throws Exception {
    // given a handler that notes a message ts, then fails on its first attempt
    AtomicReference<String> seen = new AtomicReference<>();
    TaskWorker worker =
        worker(
            SETTINGS,
            run -> {
              if (run.noteOf("ts").isEmpty()) {
                run.note("ts", "1732219200.000100");
                throw new IllegalStateException("Slack was down");
              }
              seen.set(run.noteOf("ts").orElseThrow());
            });
    String id = tasks.create("investigate", null);
    assertThat(worker.runNow(id)).isTrue();
    Await.until("the task is handed back", () -> state(id) == TaskState.PENDING);

    // when it is retried
    assertThat(worker.runNow(id)).isTrue();

    // then the second attempt reads the note the first one stored
    Await.until("the task is done", () -> state(id) == TaskState.DONE);
    assertThat(seen.get()).isEqualTo("1732219200.000100");
    assertThat(tasks.get(id).orElseThrow().notes()).containsEntry("ts", "1732219200.000100");
  }

  @Test
  void theHeartbeatRenewsTheLeaseWhileTheHandlerRuns() throws Exception {
    // given a short lease and a handler that waits
    WorkerSettings quick = new WorkerSettings(Duration.ofMillis(300), Duration.ofMillis(20), 1, 3);
    CountDownLatch release = new CountDownLatch(1);
    TaskWorker worker = worker(quick, run -> release.await());
    String id = tasks.create("investigate", null);
    assertThat(worker.runNow(id)).isTrue();
    Instant firstLease = START.plusMillis(300);
    Await.until("claimed", () -> firstLease.equals(tasks.get(id).orElseThrow().leaseUntil()));

    // when time passes
    clock.advance(Duration.ofSeconds(10));

    // then a beat extends the lease from the new time, and the task still finishes
    Instant renewed = START.plusSeconds(10).plusMillis(300);
    Await.until("renewed", () -> renewed.equals(tasks.get(id).orElseThrow().leaseUntil()));
    release.countDown();
    Await.until("the task is done", () -> state(id) == TaskState.DONE);
  }

  @Test
  void cancellingARunningTaskStopsItsHandler() throws Exception {
    // given a running handler that waits, with a heartbeat that will notice the cancel
    WorkerSettings quick = new WorkerSettings(Duration.ofMillis(300), Duration.ofMillis(20), 1, 3);
    CountDownLatch entered = new CountDownLatch(1);
    AtomicReference<Boolean> sawCancel = new AtomicReference<>();
    CountDownLatch ended = new CountDownLatch(1);
    TaskWorker worker =
        worker(
            quick,
            run -> {
              entered.countDown();
              try {
                new CountDownLatch(1).await();
              } finally {
                try {
                  sawCancel.set(run.cancelled());
                } finally {
                  ended.countDown();
                }
              }
            });
    String id = tasks.create("investigate", null);
    assertThat(worker.runNow(id)).isTrue();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    // when it is cancelled
    assertThat(tasks.cancel(id)).isTrue();

    // then the heartbeat interrupts the handler, which sees the cancel, and the task stays
    // CANCELLED
    assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sawCancel.get()).isTrue();
    assertThat(state(id)).isEqualTo(TaskState.CANCELLED);
    assertThat(tasks.cancel(id)).isFalse();
    assertThat(worker.runNow(id)).isFalse();
  }

  @Test
  void closingAWorkerHandsItsTaskBackForAnotherReplica() throws Exception {
    // given a worker running a task that is between steps
    CountDownLatch entered = new CountDownLatch(1);
    TaskWorker first =
        worker(
            SETTINGS,
            run -> {
              run.step("plan", () -> "planned");
              entered.countDown();
              new CountDownLatch(1).await();
            });
    String id = tasks.create("investigate", null);
    assertThat(first.runNow(id)).isTrue();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    // when it shuts down
    first.close();

    // then the task is PENDING at once (no lease to wait for) and another replica finishes it
    assertThat(state(id)).isEqualTo(TaskState.PENDING);
    assertThat(tasks.get(id).orElseThrow().error())
        .isEqualTo("worker replica-1 shut down during attempt 1");
    AtomicReference<String> plan = new AtomicReference<>();
    TaskWorker second =
        worker(
            new Tasks(mongo.db(), clock, "replica-2"),
            SETTINGS,
            run -> plan.set(run.step("plan", () -> "again")));
    assertThat(second.runNow(id)).isTrue();
    Await.until("the task is done", () -> state(id) == TaskState.DONE);
    assertThat(plan.get()).isEqualTo("planned");
    assertThat(first.runNow(id)).isFalse();
  }

  @Test
  void aFailedEffectStaysClaimedSoARetryDoesNotRepeatIt() throws Exception {
    // given an effect that throws (a Slack post that timed out may still have been posted)
    AtomicInteger posts = new AtomicInteger();
    AtomicReference<Boolean> secondTime = new AtomicReference<>();
    TaskWorker worker =
        worker(
            SETTINGS,
            run -> {
              if (run.attempt() == 1) {
                run.once(
                    "post-report",
                    () -> {
                      posts.incrementAndGet();
                      throw new IllegalStateException("read timed out");
                    });
              }
              secondTime.set(run.once("post-report", posts::incrementAndGet));
            });
    String id = tasks.create("investigate", null);

    // when it runs, fails, and is retried
    assertThat(worker.runNow(id)).isTrue();
    Await.until("the task is handed back", () -> state(id) == TaskState.PENDING);
    assertThat(tasks.get(id).orElseThrow().effects())
        .containsEntry("post-report", "failed: IllegalStateException: read timed out");
    assertThat(worker.runNow(id)).isTrue();

    // then the effect ran once and the retry was told it was already claimed
    Await.until("the task is done", () -> state(id) == TaskState.DONE);
    assertThat(posts).hasValue(1);
    assertThat(secondTime.get()).isFalse();
  }

  private TaskWorker worker(WorkerSettings settings, TaskHandler handler) {
    return worker(tasks, settings, handler);
  }

  private TaskWorker worker(Tasks owner, WorkerSettings settings, TaskHandler handler) {
    TaskWorker worker = new TaskWorker(owner, Map.of("investigate", handler), settings);
    workers.add(worker);
    return worker;
  }

  private TaskState state(String id) {
    return tasks.get(id).orElseThrow().state();
  }

  private int attempts(String id) {
    return tasks.get(id).orElseThrow().attempts();
  }
}
