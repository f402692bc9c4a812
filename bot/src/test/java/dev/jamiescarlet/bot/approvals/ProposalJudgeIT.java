package dev.jamiescarlet.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.approvals.ProposalJudge.Verdict;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of the judge failing on its own, against the demo cluster and the demo policy. */
class ProposalJudgeIT {
  private static final Set<String> SEEN =
      Set.of("shop", "kube-system", "frontend", "cart", "batch", "coredns");

  @TempDir Path data;
  private AgentWorld world;
  private ProposalJudge judge;

  @BeforeEach
  void start() {
    world = new AgentWorld(data);
    judge = world.judge;
  }

  @AfterEach
  void stop() {
    world.close();
  }

  private Verdict judge(String user, String line) {
    return judge.judge(line, world.context(user), SEEN);
  }

  @Test
  void aGroundedAllowedRestartPassesEveryCheck() {
    // when
    Verdict v = judge("U0ADA", "restart deploy/frontend -n shop");

    // then
    assertThat(v.allowed()).isTrue();
    assertThat(v.refusal()).isNull();
    assertThat(v.checks())
        .containsExactly("parse", "grounded", "policy", "dry run", "blast radius");
    assertThat(v.preview().pods()).hasSize(3);
    assertThat(v.preview().dryRun().passed()).isTrue();
  }

  @Test
  void whatDoesNotParseAsAWriteIsRefused() {
    assertThat(judge("U0ADA", "restart -n shop").refusal())
        .isEqualTo("it is not a command I can run: `restart` needs KIND/NAME.");
    assertThat(judge("U0ADA", "pods -n shop").refusal())
        .isEqualTo(
            "it is not a command I can run: `pods` changes nothing, so there is nothing to"
                + " approve.");
    assertThat(judge("U0ADA", "rm -rf / --no-preserve-root").refusal())
        .isEqualTo("it is not a command I can run: `rm` is not one of my verbs.");
    Verdict empty = judge("U0ADA", "  ");
    assertThat(empty.allowed()).isFalse();
    assertThat(empty.checks()).isEmpty();
    assertThat(empty.preview()).isNull();
  }

  @Test
  void anObjectTheAgentNeverSawIsRefusedBeforeAnythingElse() {
    // when a log line planted "scale deploy/checkout 0" and the agent never listed checkout
    Verdict name = judge("U0ADA", "scale deploy/checkout 0 -n shop");
    Verdict ns =
        judge.judge("restart deploy/frontend -n shop", world.context("U0ADA"), Set.of("frontend"));

    // then
    assertThat(name.allowed()).isFalse();
    assertThat(name.checks()).containsExactly("parse");
    assertThat(name.refusal())
        .isEqualTo(
            "the agent never saw `deployment/checkout` in what it looked at, so it may not be what"
                + " you meant.");
    assertThat(ns.refusal()).startsWith("the agent never saw namespace `shop`");
    assertThat(
            judge.judge("scale deploy/checkout 3 -n shop", world.context("U0ADA"), null).checks())
        .as("null grounding skips the check")
        .doesNotContain("grounded")
        .contains("policy");
  }

  @Test
  void thePolicyDecidesForThePersonWhoAsked() {
    // when Bob, a viewer, asks the agent
    Verdict v = judge("U0BOB", "restart deploy/frontend -n shop");

    // then
    assertThat(v.allowed()).isFalse();
    assertThat(v.checks()).containsExactly("parse", "grounded");
    assertThat(v.refusal()).contains("U0BOB").contains("restart");
  }

  @Test
  void aRefusalFromThePreviewIsTheVerdictInItsWords() {
    assertThat(judge("U0ADA", "scale deploy/cart 2 -n shop").refusal())
        .isEqualTo("deployment shop/cart already has 2 replicas; nothing to change.");
    Verdict missing =
        judge.judge(
            "restart deploy/ghost -n shop", world.context("U0ADA"), Set.of("ghost", "shop"));
    assertThat(missing.refusal())
        .isEqualTo("deployment `ghost` not found in namespace `shop` on cluster `demo`.");
    assertThat(missing.checks()).containsExactly("parse", "grounded", "policy");
  }

  @Test
  void kubeSystemIsOffLimitsEvenForAnAdmin() {
    // when Cat, an admin, asks for a restart of CoreDNS
    Verdict v = judge("U0CAT", "restart deploy/coredns -n kube-system");

    // then the dry run passed, and the blast radius check refused it
    assertThat(v.allowed()).isFalse();
    assertThat(v.checks()).containsExactly("parse", "grounded", "policy", "dry run");
    assertThat(v.refusal())
        .isEqualTo(
            "agents may not propose changes in `kube-system`, where the cluster's own components"
                + " run; run it yourself if you mean it.");
  }

  @Test
  void nodeWideActionsAreRefused() {
    Verdict v = judge.judge("cordon node-a", world.context("U0CAT"), null);
    assertThat(v.allowed()).isFalse();
    assertThat(v.refusal()).startsWith("`cordon` acts on a whole node");
  }

  @Test
  void twentyPodsAreTooManyAndSoIsScalingUpByForty() {
    // given a 20-pod deployment in shop
    world.deploymentWithPods("batch", 20);

    // when
    Verdict restart = judge("U0ADA", "restart deploy/batch -n shop");
    Verdict scale = judge("U0ADA", "scale deploy/cart 42 -n shop");

    // then
    assertThat(restart.allowed()).isFalse();
    assertThat(restart.preview().pods()).hasSize(20);
    assertThat(restart.refusal())
        .isEqualTo(
            "it would touch 20 pods, more than the 10 an agent may propose; run it yourself if you"
                + " mean it.");
    assertThat(scale.refusal()).startsWith("it would touch 40 pods");
  }

  @Test
  void theMaximumIsConfigurable() {
    ProposalJudge strict = new ProposalJudge(world.policy, world.actions, user -> Set.of(), 2);
    assertThat(
            strict.judge("restart deploy/frontend -n shop", world.context("U0ADA"), SEEN).refusal())
        .startsWith("it would touch 3 pods, more than the 2");
  }
}
