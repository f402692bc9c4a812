package dev.jamiescarlet.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.audit.AuditRecord;
import dev.jamiescarlet.bot.audit.Phase;
import dev.jamiescarlet.bot.commands.Buttons;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.commands.Monitoring;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.sandbox.DemoCluster;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.tools.actions.Actions;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argo CD writes through the approval flow against the local Argo CD over HTTP: `checkout` deploys
 * to in-cluster/shop, `catalog` (auto-sync on) to prod-eu/shop, which is production here.
 */
class ArgoCdApprovalIT {
  private static final String POLICY =
      """
      roles:
        viewer: [read]
        operator: [read, sync, rollback]
      bindings:
        - role: operator
          users: [U0ADA, U0DAN]
          scope: {clusters: ['*'], namespaces: [shop]}
        - role: viewer
          users: [U0BOB]
      production:
        - clusters: [prod-eu]
      """;

  @TempDir Path data;
  private DemoCluster cluster;
  private KubeconfigClusterRegistry clusters;
  private Mongo store;
  private AuditLog audit;
  private ApprovalFlow flow;
  private CommandRunner runner;
  private KubernetesReads reads;
  private LocalArgoCd argo;
  private ArgoCdClient client;
  private final List<String> annotated = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    argo = LocalArgoCd.start();
    client = new ArgoCdClient(argo.settings());
    cluster = DemoCluster.start();
    Map<String, io.fabric8.kubernetes.client.KubernetesClient> clients = new LinkedHashMap<>();
    clients.put("demo", cluster.client());
    clusters = KubeconfigClusterRegistry.of(clients, "demo", "demo");
    store = Mongo.embedded(data);
    Clock clock = Clock.systemUTC();
    audit = new AuditLog(store.database(), clock);
    reads = new Fabric8KubernetesReads(clusters, clock);
    Commands commands =
        Commands.standard(
            null, null, null, () -> false, () -> null, () -> Monitoring.NONE, () -> client);
    flow =
        new ApprovalFlow(
            new PolicyEngine(Policy.parse(POLICY, "test-policy.yaml"), Duration.ofMinutes(15)),
            new Actions(clusters, clock, client),
            new Approvals(store.database(), clock),
            audit,
            commands,
            clusters,
            reads,
            clock);
    flow.onExecuted(
        (c, action, requester, approver, result) -> annotated.add(c + " " + action.describe()));
    runner = new CommandRunner(commands);
  }

  @AfterEach
  void stop() {
    client.close();
    argo.close();
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

  private static List<Block.Button> buttons(Message m) {
    return m.blocks().stream()
        .filter(Block.Actions.class::isInstance)
        .map(Block.Actions.class::cast)
        .flatMap(a -> a.buttons().stream())
        .toList();
  }

  private static String approvalId(Message proposal) {
    return buttons(proposal).stream()
        .filter(b -> b.actionId().equals(ApprovalFlow.CONFIRM))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Confirm in " + proposal))
        .value();
  }

  private List<JsonNode> realSyncs() {
    return argo.requests("POST", "/checkout/sync").stream()
        .map(LocalArgoCd.RecordedRequest::body)
        .filter(b -> !b.path("dryRun").asBoolean())
        .toList();
  }

  @Test
  void aSyncIsProposedWithADryRunAndRunsOnConfirmWithItsFlags() {
    // when Ada asks to sync checkout with prune
    Message proposal = ask("U0ADA", "sync checkout --prune");

    // then the preview shows the state, the dry run and the token it runs with; nothing synced yet
    assertThat(proposal.text()).isEqualTo("Sync Argo CD application checkout with prune?");
    String shown = proposal.blocks().toString();
    assertThat(shown)
        .contains("OutOfSync", "Argo CD accepted a dry run", "bot's Argo CD token", "in-cluster");
    assertThat(argo.requests("POST", "/checkout/sync"))
        .singleElement()
        .satisfies(r -> assertThat(r.body().path("dryRun").asBoolean()).isTrue());
    assertThat(realSyncs()).isEmpty();

    // when she confirms
    ApprovalFlow.Click click = flow.confirm(approvalId(proposal), "U0ADA", "C0SHOP");

    // then Argo CD received the sync with prune and without dry run, and the app is synced
    assertThat(click.replacement().text())
        .isEqualTo("Done: sync Argo CD application checkout with prune");
    assertThat(realSyncs())
        .singleElement()
        .satisfies(b -> assertThat(b.path("prune").asBoolean()).isTrue());
    assertThat(argo.application("checkout").path("status").path("sync").path("status").asText())
        .isEqualTo("Synced");
    assertThat(annotated)
        .containsExactly("in-cluster sync Argo CD application checkout with prune");
    List<AuditRecord> records = audit.query(Duration.ofHours(1), "U0ADA", 20);
    assertThat(records)
        .anySatisfy(
            r -> {
              assertThat(r.phase()).isEqualTo(Phase.EXECUTED);
              assertThat(r.target()).isEqualTo("application/checkout");
              assertThat(r.cluster()).isEqualTo("in-cluster");
            });
  }

  @Test
  void aDryRunSyncAsksArgoCdForADryRunOnly() {
    // when Ada confirms a dry-run sync
    Message proposal = ask("U0ADA", "sync checkout --dry-run");
    flow.confirm(approvalId(proposal), "U0ADA", "C0SHOP");

    // then every sync Argo CD received was a dry run, and checkout is still out of sync
    assertThat(argo.requests("POST", "/checkout/sync"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.body().path("dryRun").asBoolean()).isTrue());
    assertThat(argo.application("checkout").path("status").path("sync").path("status").asText())
        .isEqualTo("OutOfSync");
  }

  @Test
  void aRollbackWhileAutoSyncIsOnIsRefusedWithAnOfferToTurnItOff() {
    // when Ada asks to roll catalog back while its auto-sync is on
    Message refusal = ask("U0ADA", "rollback app catalog");

    // then it is refused before any proposal, with a button proposing auto-sync off
    assertThat(refusal.text()).contains("Auto-sync is on for `catalog`");
    assertThat(buttons(refusal))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.actionId()).isEqualTo(Buttons.RUN_PREFIX + "autosync catalog off");
              assertThat(b.value()).isEqualTo("autosync catalog off");
            });
    assertThat(argo.requests("POST", "/rollback")).isEmpty();

    // when the offered command runs, it is a production proposal Dan confirms
    Message off = ask("U0ADA", "autosync catalog off");
    assertThat(off.text()).isEqualTo("Turn auto-sync off for Argo CD application catalog?");
    assertThat(off.blocks().toString()).contains("must confirm", "prod-eu");
    assertThat(flow.confirm(approvalId(off), "U0ADA", "C0SHOP").replacement()).isNull();
    flow.confirm(approvalId(off), "U0DAN", "C0SHOP");

    // then auto-sync is off in Argo CD
    assertThat(argo.application("catalog").path("spec").path("syncPolicy").has("automated"))
        .isFalse();
  }

  @Test
  void aRollbackWithoutAnIdGoesToThePreviousDeployment() {
    // when Ada rolls checkout back without naming a history id, and confirms
    Message proposal = ask("U0ADA", "rollback app checkout");
    assertThat(proposal.text())
        .isEqualTo("Roll back Argo CD application checkout to history id 2?");
    flow.confirm(approvalId(proposal), "U0ADA", "C0SHOP");

    // then Argo CD received a real rollback to id 2 (history 3 is the current one)
    assertThat(argo.requests("POST", "/checkout/rollback"))
        .extracting(r -> r.body().path("id").asLong() + "/" + r.body().path("dryRun").asBoolean())
        .containsExactly("2/true", "2/false");
  }

  @Test
  void aPolicyDenialSendsNothingToArgoCd() {
    // when Bob, a viewer, asks to sync
    Message refusal = ask("U0BOB", "sync checkout");

    // then he is refused and Argo CD saw no sync, not even a dry run
    assertThat(refusal.blocks().toString()).contains(":no_entry:");
    assertThat(argo.requests("POST", "/sync")).isEmpty();
    assertThat(audit.query(Duration.ofHours(1), "U0BOB", 5))
        .extracting(AuditRecord::phase)
        .containsExactly(Phase.DENIED);
  }

  @Test
  void anArgoCdThatIsDownGetsAClearMessage() {
    // given Argo CD is down
    argo.close();

    // when
    Message m = ask("U0ADA", "sync checkout");

    // then
    assertThat(m.text()).isEqualTo("I can't reach Argo CD right now.");
    assertThat(m.blocks().toString()).contains("JAMIE_ARGOCD_URL");
  }
}
