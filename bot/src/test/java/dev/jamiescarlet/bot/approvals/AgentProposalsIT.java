package dev.jamiescarlet.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents' suggestions become the typed proposal, or a refusal; nothing ever runs by itself. */
class AgentProposalsIT {
  private static final Set<String> SEEN =
      Set.of("shop", "kube-system", "frontend", "cart", "batch", "coredns");

  @TempDir Path data;
  private AgentWorld world;
  private AgentProposals proposals;

  @BeforeEach
  void start() {
    world = new AgentWorld(data);
    proposals = new AgentProposals(world.judge);
  }

  @AfterEach
  void stop() {
    world.close();
  }

  private static String allText(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  private static List<Block.Button> buttons(Message m) {
    return m.blocks().stream()
        .filter(Block.Actions.class::isInstance)
        .map(Block.Actions.class::cast)
        .flatMap(a -> a.buttons().stream())
        .toList();
  }

  private long stored() {
    return world.store.database().getCollection(Approvals.COLLECTION).countDocuments();
  }

  private int replicas(String name) {
    return world
        .cluster
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
  void aGroundedRestartBecomesTheTypedProposalWithTheJudgesLine() {
    // when Scarlet suggests a restart Ada could have typed
    Message m =
        proposals.propose(
            "restart deploy/frontend -n shop",
            "frontend serves stale config <!channel>",
            "scarlet",
            world.context("U0ADA"),
            SEEN);

    // then it is the typed proposal, stored, with Confirm and Cancel, and says who proposed it
    assertThat(m.text()).isEqualTo("Restart deployment shop/frontend?");
    assertThat(m.blocks().get(1))
        .isEqualTo(
            new Block.Context(
                List.of(
                    "Proposed by scarlet: frontend serves stale config &lt;!channel&gt; · judge:"
                        + " policy ✓ dry run ✓ blast radius ✓ (3 pods)")));
    assertThat(buttons(m))
        .extracting(Block.Button::actionId)
        .containsExactly(ApprovalFlow.CONFIRM, ApprovalFlow.CANCEL);
    assertThat(stored()).isEqualTo(1);
    String id = buttons(m).get(0).value();
    Approval approval = world.approvals.find(id);
    assertThat(approval.requester()).isEqualTo("U0ADA");
    assertThat(approval.action()).isEqualTo("restart deploy/frontend -n shop --cluster demo");

    // and a person's Confirm runs it, as for any proposal
    ApprovalFlow.Click click = world.flow.confirm(id, "U0ADA", "C0SHOP");
    assertThat(click.replacement().text()).isEqualTo("Done: restart deployment shop/frontend");
  }

  @Test
  void anUngroundedSuggestionIsRefusedWithoutButtons() {
    // when a planted line in a log made the agent suggest a deployment it never looked at
    Message m =
        proposals.propose(
            "scale deploy/checkout 0 -n shop",
            "the log said so",
            "scarlet",
            world.context("U0ADA"),
            SEEN);

    // then
    assertThat(m.text())
        .isEqualTo(
            "scarlet suggested `scale deploy/checkout 0 -n shop`, but I won't propose it: the agent"
                + " never saw `deployment/checkout` in what it looked at, so it may not be what you"
                + " meant.");
    assertThat(buttons(m)).isEmpty();
    assertThat(allText(m)).contains("Nothing was run");
    assertThat(stored()).isZero();
  }

  @Test
  void kubeSystemIsRefused() {
    Message m =
        proposals.propose(
            "restart deploy/coredns -n kube-system",
            "dns is slow",
            "scarlet",
            world.context("U0CAT"),
            SEEN);
    assertThat(m.text()).contains("but I won't propose it: agents may not propose changes in");
    assertThat(buttons(m)).isEmpty();
    assertThat(stored()).isZero();
  }

  @Test
  void aTwentyPodDeploymentIsRefusedOnBlastRadius() {
    // given
    world.deploymentWithPods("batch", 20);

    // when
    Message m =
        proposals.propose(
            "restart deploy/batch -n shop",
            "stuck workers",
            "scarlet",
            world.context("U0ADA"),
            SEEN);

    // then
    assertThat(m.text())
        .endsWith(
            "it would touch 20 pods, more than the 10 an agent may propose;"
                + " run it yourself if you mean it.");
    assertThat(stored()).isZero();
  }

  @Test
  void proposingNeverExecutes() {
    // when
    Message m =
        proposals.propose(
            "scale deploy/cart 4 -n shop", "more traffic", "scarlet", world.context("U0ADA"), SEEN);

    // then the proposal waits, and the cluster is as it was
    assertThat(m.text()).isEqualTo("Scale deployment shop/cart to 4?");
    assertThat(replicas("cart")).isEqualTo(2);
    assertThat(world.approvals.find(buttons(m).get(0).value()).state())
        .isEqualTo(ApprovalState.PENDING);
  }

  @Test
  void limitsFromTheDemoPolicyShowBeforeAndAfter() {
    // when Ada's agent suggests a memory limit for cart (request 128Mi, limit 256Mi)
    Message m =
        proposals.propose(
            "limits deploy/cart --memory 512Mi -n shop",
            "OOM kills at 256Mi",
            "scarlet",
            world.context("U0ADA"),
            SEEN);

    // then the proposal shows the change and the rolling restart
    assertThat(m.text()).isEqualTo("Set limits of deployment shop/cart to memory 512Mi?");
    assertThat(allText(m))
        .contains("memory limit", "256Mi → 512Mi", "rolling restart of 2 pods")
        .contains("The API server accepted a dry run");
  }

  @Test
  void withoutAWriteGateNothingIsProposed() {
    var ctx = world.context("U0ADA");
    var noWrites =
        new dev.jamiescarlet.bot.commands.CommandContext(
            ctx.userId(),
            ctx.channelId(),
            null,
            ctx.clusters(),
            ctx.kubernetes(),
            ctx.commands(),
            ctx.clock(),
            ctx.audit(),
            null);
    Message m =
        proposals.propose("restart deploy/frontend -n shop", "x", "scarlet", noWrites, SEEN);
    assertThat(m.text()).endsWith("writes are not available here.");
  }
}
