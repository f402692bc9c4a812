package dev.jamiescarlet.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.audit.AuditRecord;
import dev.jamiescarlet.bot.audit.Phase;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.sandbox.DemoCluster;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.bot.testing.TestClock;
import dev.jamiescarlet.tools.actions.Actions;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval flow against the demo cluster and the embedded store, with a policy where namespace
 * `shop` on `demo` is production: a second approver who is not the requester.
 */
class ApprovalFlowIT {
  private static final String POLICY =
      """
      roles:
        viewer: [read]
        operator: [read, restart, scale, rollback, delete, suspend, resume]
      bindings:
        - role: operator
          users: [U0ADA, U0DAN]
          scope: {clusters: ['*'], namespaces: [shop]}
        - role: viewer
          users: [U0BOB]
      production:
        - clusters: [demo]
      """;

  @TempDir Path data;
  private DemoCluster cluster;
  private KubeconfigClusterRegistry clusters;
  private Mongo store;
  private AuditLog audit;
  private ApprovalFlow flow;
  private CommandRunner runner;
  private KubernetesReads reads;

  @BeforeEach
  void start() {
    cluster = DemoCluster.start();
    Map<String, io.fabric8.kubernetes.client.KubernetesClient> clients = new LinkedHashMap<>();
    clients.put("demo", cluster.client());
    clusters = KubeconfigClusterRegistry.of(clients, "demo", "demo");
    store = Mongo.embedded(data);
    Clock clock = Clock.systemUTC();
    audit = new AuditLog(store.database(), clock);
    reads = new Fabric8KubernetesReads(clusters, clock);
    Commands commands = Commands.standard();
    flow =
        new ApprovalFlow(
            new PolicyEngine(Policy.parse(POLICY, "test-policy.yaml"), Duration.ofMinutes(15)),
            new Actions(clusters, clock),
            new Approvals(store.database(), clock),
            audit,
            commands,
            clusters,
            reads,
            clock);
    runner = new CommandRunner(commands);
  }

  @AfterEach
  void stop() {
    store.close();
    clusters.close();
    cluster.close();
  }

  private Message ask(String user, String text) {
    CommandContext context =
        new CommandContext(
            user,
            "C0SHOP",
            null,
            clusters,
            reads,
            runner.commands(),
            Clock.systemUTC(),
            audit,
            flow);
    return runner.run(text, context);
  }

  private static String approvalId(Message proposal) {
    return proposal.blocks().stream()
        .filter(Block.Actions.class::isInstance)
        .map(Block.Actions.class::cast)
        .flatMap(a -> a.buttons().stream())
        .filter(b -> b.actionId().equals(ApprovalFlow.CONFIRM))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Confirm in " + proposal))
        .value();
  }

  private int replicas(String name) {
    return cluster
        .client()
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName(name)
        .get()
        .getSpec()
        .getReplicas();
  }

  @Test
  void productionWritesWaitForASecondApproverWhoIsNotTheRequester() {
    // given Ada's proposal to scale frontend in production
    Message proposal = ask("U0ADA", "scale deploy/frontend 5 -n shop");
    assertThat(proposal.text()).isEqualTo("Scale deployment shop/frontend to 5?");
    assertThat(proposal.blocks().toString()).contains("must confirm").contains("<@U0DAN>");
    String id = approvalId(proposal);

    // when Ada confirms her own request, she is told someone else must
    ApprovalFlow.Click own = flow.confirm(id, "U0ADA", "C0SHOP");
    assertThat(own.replacement()).isNull();
    assertThat(own.note().text()).contains("U0ADA");
    assertThat(replicas("frontend")).isEqualTo(3);

    // when a viewer tries, he is refused
    assertThat(flow.confirm(id, "U0BOB", "C0SHOP").replacement()).isNull();

    // when Dan, another operator, confirms, it runs once
    ApprovalFlow.Click dan = flow.confirm(id, "U0DAN", "C0SHOP");
    assertThat(dan.replacement().text()).isEqualTo("Done: scale deployment shop/frontend to 5");
    assertThat(replicas("frontend")).isEqualTo(5);

    // and the audit log tells the whole story
    List<Phase> phases =
        audit.query(Duration.ofHours(1), "U0ADA", 20).stream().map(AuditRecord::phase).toList();
    assertThat(phases).contains(Phase.REQUESTED, Phase.APPROVED, Phase.EXECUTED);
  }

  @Test
  void aDoubleClickExecutesOnce() throws Exception {
    // given a production proposal
    String fresh = approvalId(ask("U0ADA", "restart deploy/frontend -n shop"));

    // when the second approver double-clicks from two threads at once
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Callable<ApprovalFlow.Click>> clicks = new ArrayList<>();
    clicks.add(() -> flow.confirm(fresh, "U0DAN", "C0SHOP"));
    clicks.add(() -> flow.confirm(fresh, "U0DAN", "C0SHOP"));
    List<ApprovalFlow.Click> results = new ArrayList<>();
    for (Future<ApprovalFlow.Click> f : pool.invokeAll(clicks)) {
      results.add(f.get());
    }
    pool.shutdown();

    // then exactly one click ran it
    long ran = results.stream().filter(c -> c.replacement() != null).count();
    assertThat(ran).isEqualTo(1);
    long executed =
        audit.query(Duration.ofHours(1), "U0ADA", 50).stream()
            .filter(r -> r.phase() == Phase.EXECUTED && r.target().equals("deployment/frontend"))
            .count();
    assertThat(executed).isEqualTo(1);
  }

  @Test
  void cancelStopsItAndNothingRuns() {
    String id = approvalId(ask("U0ADA", "scale deploy/cart 4 -n shop"));
    ApprovalFlow.Click cancelled = flow.cancel(id, "U0ADA", "C0SHOP");
    assertThat(cancelled.replacement().text())
        .isEqualTo("Cancelled: scale deployment shop/cart to 4");
    assertThat(flow.confirm(id, "U0DAN", "C0SHOP").replacement()).isNull();
    assertThat(replicas("cart")).isEqualTo(2);
  }

  @Test
  void nothingRunsWhenTheAuditLogIsDown() {
    String id = approvalId(ask("U0ADA", "scale deploy/cart 6 -n shop"));

    // when the store goes away before the confirm
    store.close();
    ApprovalFlow.Click click = flow.confirm(id, "U0DAN", "C0SHOP");

    // then nothing changed, and the clicker is told why
    assertThat(replicas("cart")).isEqualTo(2);
    assertThat(click.note().text()).contains("Nothing was run");
  }

  @Test
  void aSlackUserGroupCanGrantTheRole() {
    // given a policy that makes the @oncall group operators, and Eve in it
    ApprovalFlow withGroups =
        new ApprovalFlow(
            new PolicyEngine(
                Policy.parse(
                    """
                    roles:
                      operator: [read, restart]
                    bindings:
                      - role: operator
                        groups: [S0ONCALL]
                    """,
                    "groups.yaml"),
                Duration.ofMinutes(15)),
            new Actions(clusters, Clock.systemUTC()),
            new Approvals(store.database(), Clock.systemUTC()),
            audit,
            runner.commands(),
            clusters,
            reads,
            Clock.systemUTC(),
            user -> user.equals("U0EVE") ? java.util.Set.of("S0ONCALL") : java.util.Set.of());
    CommandContext eve =
        new CommandContext(
            "U0EVE",
            "C0SHOP",
            null,
            clusters,
            reads,
            runner.commands(),
            Clock.systemUTC(),
            audit,
            withGroups);
    CommandContext mallory =
        new CommandContext(
            "U0MAL",
            "C0SHOP",
            null,
            clusters,
            reads,
            runner.commands(),
            Clock.systemUTC(),
            audit,
            withGroups);

    // then Eve gets a proposal and Mallory a refusal
    assertThat(runner.run("restart deploy/cart -n shop", eve).text())
        .isEqualTo("Restart deployment shop/cart?");
    assertThat(runner.run("restart deploy/cart -n shop", mallory).text()).contains("U0MAL");
  }

  @Test
  void anExpiredApprovalIsRefusedAndOffersToRequestItAgain() {
    // given a flow whose approvals live 15 minutes on a clock the test moves
    TestClock clock = new TestClock();
    ApprovalFlow timed =
        new ApprovalFlow(
            new PolicyEngine(Policy.parse(POLICY, "test-policy.yaml"), Duration.ofMinutes(15)),
            new Actions(clusters, clock),
            new Approvals(store.database(), clock),
            audit,
            runner.commands(),
            clusters,
            reads,
            clock);
    CommandContext ada =
        new CommandContext(
            "U0ADA", "C0SHOP", null, clusters, reads, runner.commands(), clock, audit, timed);
    String id = approvalId(runner.run("scale deploy/cart 3 -n shop", ada));

    // when Dan confirms 16 minutes later
    clock.advance(Duration.ofMinutes(16));
    ApprovalFlow.Click late = timed.confirm(id, "U0DAN", "C0SHOP");

    // then nothing ran, and the message offers a fresh request of the same command
    assertThat(replicas("cart")).isEqualTo(2);
    assertThat(late.replacement().text()).isEqualTo("Expired: scale deployment shop/cart to 3");
    assertThat(late.replacement().blocks().toString())
        .contains("run:scale deploy/cart 3 -n shop --cluster demo");
  }

  @Test
  void writesNeedARuleAndSayWhichOneIsMissing() {
    Message refusal = ask("U0BOB", "restart deploy/cart -n shop");
    assertThat(refusal.text()).contains("U0BOB").contains("restart");
    assertThat(refusal.blocks().toString()).contains("Rule");
  }
}
