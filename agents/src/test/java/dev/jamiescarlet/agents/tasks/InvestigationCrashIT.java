package dev.jamiescarlet.agents.tasks;

import static dev.jamiescarlet.agents.runtime.Agents.whenUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.mongo.EmbeddedMongo;
import dev.jamiescarlet.agents.runtime.AgentRuntime;
import dev.jamiescarlet.agents.runtime.AgentState;
import dev.jamiescarlet.agents.runtime.Agents;
import dev.jamiescarlet.agents.runtime.Asker;
import dev.jamiescarlet.agents.runtime.Investigation;
import dev.jamiescarlet.agents.runtime.InvestigationSink;
import dev.jamiescarlet.agents.runtime.Investigator;
import dev.jamiescarlet.agents.runtime.Progress;
import dev.jamiescarlet.agents.runtime.Report;
import dev.jamiescarlet.agents.runtime.ToolContexts;
import dev.jamiescarlet.agents.scripted.Dialogue;
import dev.jamiescarlet.agents.scripted.Reply;
import dev.jamiescarlet.agents.scripted.Rule;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import dev.jamiescarlet.agents.tools.Contexts;
import dev.jamiescarlet.agents.tools.Evidence;
import dev.jamiescarlet.agents.tools.Proposal;
import dev.jamiescarlet.agents.tools.Proposals;
import dev.jamiescarlet.agents.tools.ShopCluster;
import dev.jamiescarlet.agents.tools.ToolContext;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scarlet's investigation dies with its replica in the middle of a step: another replica resumes it
 * from the last completed step, re-running no model step and posting nothing twice.
 */
class InvestigationCrashIT {
  private static final WorkerSettings SETTINGS =
      new WorkerSettings(Duration.ofSeconds(60), Duration.ofMillis(20), 4, 3);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T20:00:00Z"));
  private final List<TaskWorker> workers = new ArrayList<>();
  private final List<ScriptedModelServer> servers = new ArrayList<>();
  private EmbeddedMongo mongo;
  private KubernetesMockServer cluster;
  private ClusterRegistry registry;

  @BeforeEach
  void setUp() {
    mongo = EmbeddedMongo.inMemory();
    cluster = ShopCluster.start();
    registry = Contexts.registry(cluster.createClient());
  }

  @AfterEach
  void tearDown() {
    workers.forEach(TaskWorker::close);
    servers.forEach(ScriptedModelServer::close);
    registry.close();
    cluster.destroy();
    mongo.close();
  }

  /** Everything the investigation showed in "Slack". */
  static final class Sink implements InvestigationSink {
    final List<String> statuses = new CopyOnWriteArrayList<>();
    final List<Progress> updates = new CopyOnWriteArrayList<>();
    final List<Proposal> proposals = new CopyOnWriteArrayList<>();
    final List<Set<String>> grounded = new CopyOnWriteArrayList<>();
    final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public String postStatus(Investigation investigation, Progress progress) {
      statuses.add(progress.question());
      return "1700000000.000" + statuses.size();
    }

    @Override
    public void updateStatus(Investigation investigation, String statusTs, Progress progress) {
      updates.add(progress);
    }

    @Override
    public void postProposal(
        Investigation investigation, String statusTs, Proposal proposal, Set<String> names) {
      proposals.add(proposal);
      grounded.add(names);
    }

    @Override
    public void postReport(Investigation investigation, String statusTs, Report report) {
      reports.add(report);
    }
  }

  static List<Rule> story(boolean hangAtChecks) {
    Reply checks =
        hangAtChecks
            ? new Reply.Hang()
            : new Reply.ToolCall(
                "c2", "list_events", "{\"namespace\":\"shop\",\"warningsOnly\":true}");
    return List.of(
        whenUser("Step 1 of 5", "user", Reply.Text.of("1. read_logs checkout previous")),
        whenUser(
            "Step 2 of 5",
            "user",
            new Reply.ToolCall(
                "c1",
                "read_logs",
                "{\"name\":\"checkout\",\"namespace\":\"shop\",\"previous\":true}")),
        whenUser("Step 2 of 5", "tool", Reply.Text.of("- connection refused to orders-db [E1]")),
        whenUser("Step 3 of 5", null, Reply.Text.of("1. orders-db is down (E1)")),
        whenUser("Step 4 of 5", "user", checks),
        whenUser("Step 4 of 5", "tool", Reply.Text.of("1. confirmed [E1][E2]")),
        whenUser(
            "Step 5 of 5",
            "user",
            new Reply.ToolCall(
                "c3",
                "propose_action",
                "{\"command\":\"restart deployment/checkout -n shop\",\"reason\":\"E1\"}")),
        whenUser(
            "Step 5 of 5",
            "tool",
            Reply.Text.of("Root cause: orders-db refuses connections [E1].\nConfidence: high")));
  }

  private Investigator investigator(List<Rule> rules, Sink sink) throws Exception {
    ScriptedModelServer model = ScriptedModelServer.start(new Dialogue(rules, Duration.ZERO), 0);
    servers.add(model);
    AgentRuntime scarlet = Agents.runtime(Agents.scarlet(model.baseUrl()), AgentState.NONE, clock);
    return new Investigator(scarlet, contexts(registry, clock), sink);
  }

  /**
   * Each step's tools on the test cluster, with every write verb and the earlier steps' evidence.
   */
  static ToolContexts contexts(ClusterRegistry registry, Clock clock) {
    return (asker, earlier) -> {
      ToolContext base = Contexts.cluster(registry);
      return new ToolContext(
          base.kubernetes(),
          base.clusters(),
          base.defaultCluster(),
          base.diagnoser(),
          null,
          List.of(),
          ToolContext.ALL_WRITE_VERBS,
          new Evidence(earlier),
          new Proposals(),
          clock);
    };
  }

  private static long stepRequests(ScriptedModelServer model, String step) {
    return model.requests().stream()
        .filter(b -> b.toString().contains(step))
        .filter(
            b ->
                "user"
                    .equals(
                        b.path("messages")
                            .get(b.path("messages").size() - 1)
                            .path("role")
                            .asText()))
        .count();
  }

  @Test
  void aReplicaDyingMidStepIsResumedByAnotherWithoutRepeatingStepsOrPosts() throws Exception {
    // given replica A runs steps 1–3 and dies inside step 4's model call
    Sink sinkA = new Sink();
    Investigator a = investigator(story(true), sinkA);
    Tasks tasksA = new Tasks(mongo.db(), clock, "replica-A");
    TaskWorker workerA = new TaskWorker(tasksA, Map.of(Investigator.TASK_TYPE, a), SETTINGS);
    workers.add(workerA);
    Asker ada = new Asker("U0ADA", "C0SHOP", null, "shop", null, Set.of());
    String id =
        tasksA.create(
            Investigator.TASK_TYPE,
            Investigation.payload("why is checkout crashing?", ada, clock.instant()));
    assertThat(workerA.runNow(id)).isTrue();
    ScriptedModelServer modelA = servers.get(0);
    Await.until("A is inside step 4", () -> stepRequests(modelA, "Step 4 of 5") == 1);
    workerA.simulateCrash();

    // when the lease runs out and replica B takes over
    clock.advance(Duration.ofSeconds(61));
    Sink sinkB = new Sink();
    Investigator b = investigator(story(false), sinkB);
    Tasks tasksB = new Tasks(mongo.db(), clock, "replica-B");
    TaskWorker workerB = new TaskWorker(tasksB, Map.of(Investigator.TASK_TYPE, b), SETTINGS);
    workers.add(workerB);
    assertThat(workerB.runNow(id)).isTrue();
    Await.until(
        "B finishes", () -> tasksB.get(id).map(t -> t.state() == TaskState.DONE).orElse(false));

    // then B re-ran none of the completed model steps, only the one A died in and those after
    ScriptedModelServer modelB = servers.get(1);
    assertThat(stepRequests(modelB, "Step 1 of 5")).isZero();
    assertThat(stepRequests(modelB, "Step 2 of 5")).isZero();
    assertThat(stepRequests(modelB, "Step 3 of 5")).isZero();
    assertThat(stepRequests(modelB, "Step 4 of 5")).isEqualTo(1);
    assertThat(stepRequests(modelB, "Step 5 of 5")).isEqualTo(1);
    // and the status message was posted once (B edits A's), the proposal and report once
    assertThat(sinkA.statuses).hasSize(1);
    assertThat(sinkB.statuses).isEmpty();
    assertThat(sinkA.proposals).isEmpty();
    assertThat(sinkB.proposals)
        .extracting(Proposal::command)
        .containsExactly("restart deployment/checkout -n shop");
    assertThat(sinkB.grounded.get(0)).contains("checkout", "shop");
    assertThat(sinkB.reports).hasSize(1);
    Report report = sinkB.reports.get(0);
    assertThat(report.confidence()).isEqualTo("high");
    assertThat(report.plan()).contains("read_logs checkout previous");
    // evidence from A's steps survives, and B's ids continue after it
    assertThat(report.evidence())
        .extracting(e -> e.id() + " " + e.tool())
        .containsExactly("E1 read_logs", "E2 list_events", "E3 propose_action");
    assertThat(report.evidence().get(0).excerpt()).doesNotContain(ShopCluster.TOKEN);
    assertThat(sinkB.updates).last().matches(Progress::finished);
  }
}
