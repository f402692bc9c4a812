package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {
  private final FakeCluster cluster = new FakeCluster();
  private final CommandRunner runner = new CommandRunner(Commands.standard());

  private Message run(String text) {
    return runner.run(text, cluster.context());
  }

  private static String allText(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void podsFlagsEachFailingWorkloadOnceWithItsReason() {
    // when pods are listed in shop
    Message m = run("pods -n shop");

    // then the four failing workloads are named with their reasons, checkout once for two pods
    String text = allText(m);
    assertThat(text)
        .contains("*4 workloads need attention:*")
        .contains(":red_circle: *checkout* (2 pods) — CrashLoopBackOff: exit code 1, 7 restarts")
        .contains(":red_circle: *payments* — ImagePullBackOff")
        .contains(":red_circle: *catalog* — OOMKilled: exit code 137, limit 128Mi, 4 restarts")
        .contains(":large_orange_circle: *search* — Unschedulable: 0/3 nodes are available");
    assertThat(cluster.calls).contains("pods demo shop null");

    // and the buttons offer the next look: previous logs for crashes, describe otherwise
    Block.Actions actions =
        m.blocks().stream()
            .filter(Block.Actions.class::isInstance)
            .map(Block.Actions.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(actions.buttons())
        .extracting(Block.Button::value)
        .contains(
            "logs deploy/checkout -n shop --cluster demo --previous",
            "describe deploy/payments -n shop --cluster demo",
            "describe deploy/search -n shop --cluster demo");
    assertThat(actions.buttons())
        .allMatch(b -> b.actionId().equals(Buttons.RUN_PREFIX + b.value()));
  }

  @Test
  void podsTableShowsReadyRestartsExitCodeAndAge() {
    Block.Table table =
        run("pods -n shop").blocks().stream()
            .filter(Block.Table.class::isInstance)
            .map(Block.Table.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(table.columns()).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE");
    assertThat(table.rows())
        .contains(List.of("checkout-1", "0/1", "CrashLoopBackOff", "7 (exit 1)", "42m"));
  }

  @Test
  void mentionAndSelectorReachTheTools() {
    run("<@U0JAMIE> pods -l app=checkout --cluster demo");
    assertThat(cluster.calls).contains("pods demo default app=checkout");
  }

  @Test
  void unknownVerbSuggestsTheClosest() {
    Message m = run("podz -n shop");
    assertThat(m.text()).isEqualTo("I don't know `podz`. Did you mean `pods`?");
    assertThat(allText(m)).contains("Usage: `pods [-n NS] [-l SELECTOR] [-A] [--cluster C]`");
  }

  @Test
  void plainEnglishIsDeclinedHonestly() {
    Message m = run("why is checkout crashing?");
    assertThat(m.text()).contains("no language model is configured");
  }

  @Test
  void badFlagsGetTheUsageLine() {
    Message m = run("logs deploy/checkout --tail lots");
    assertThat(m.text()).contains("`--tail` takes a number of lines from 1 to 5000, not `lots`");
    assertThat(allText(m)).contains("Usage: `logs POD|deploy/NAME");
  }

  @Test
  void kubernetesErrorsBecomeReadableMessages() {
    cluster.failWith =
        new KubernetesToolException(
            KubernetesToolException.Kind.FORBIDDEN,
            "Kubernetes refused to list pods in namespace `kube-system` on cluster `demo`: pods is forbidden");
    Message m = run("pods -n kube-system");
    assertThat(m.text()).startsWith("Kubernetes refused to list pods");
    assertThat(allText(m)).contains("RBAC said no");
  }

  @Test
  void unexpectedFailuresNeverLeakAStackTrace() {
    cluster.failWith = new IllegalStateException("boom at Foo.java:12");
    Message m = run("pods");
    assertThat(m.text()).contains("Something went wrong running `pods`");
    assertThat(allText(m)).doesNotContain("Foo.java").contains("Request id");
  }

  @Test
  void aMistypedNameIsAnsweredWithButtonsForTheClosestNames() {
    // given describe of a deployment that does not exist
    cluster.failWith =
        new KubernetesToolException(
            KubernetesToolException.Kind.NOT_FOUND,
            "deployment `chekout` not found in namespace `shop` on cluster `demo`");
    cluster.names = List.of("cart", "checkout", "checkout-worker", "frontend");

    // when asked
    Message m = run("describe deploy/chekout -n shop");

    // then the closest names are offered, each running the same command
    Block.Actions actions =
        m.blocks().stream()
            .filter(Block.Actions.class::isInstance)
            .map(Block.Actions.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(actions.buttons())
        .extracting(Block.Button::value)
        .containsExactly("describe deploy/checkout -n shop");
    assertThat(m.text()).contains("not found");

    // and a prefix offers every name it starts
    Message prefix = run("describe deploy/check -n shop");
    assertThat(prefix.blocks().toString())
        .contains("describe deploy/checkout -n shop")
        .contains("describe deploy/checkout-worker -n shop")
        .doesNotContain("deploy/cart");
  }

  @Test
  void unknownClusterIsExplained() {
    Message m = run("pods --cluster prod");
    assertThat(m.text()).contains("I don't know cluster `prod`");
  }

  @Test
  void describeAcceptsKindSlashNameAndKindSpaceName() {
    run("describe deploy/payments -n shop");
    run("describe deploy payments -n shop");
    assertThat(cluster.calls)
        .containsSubsequence(
            "describe demo shop deploy payments", "describe demo shop deploy payments");
    Message m = run("describe payments");
    assertThat(m.text()).contains("KIND/NAME");
  }

  @Test
  void describeShowsProblemsFieldsContainersAndEvents() {
    String text = allText(run("describe deploy/payments -n shop"));
    assertThat(text)
        .contains(
            "ImagePullBackOff: Failed to pull image \"ghcr.io/shop/payments:v9.9.9\": not found")
        .contains("Field[label=Image, value=ghcr.io/shop/payments:v9.9.9]")
        .contains("Waiting (ImagePullBackOff)")
        .contains("Failed")
        .contains("Available=False");
  }

  @Test
  void logsPassTheRequestThroughAndOfferThePreviousRun() {
    Message m = run("logs deploy/checkout -n shop --tail 20 -c checkout");
    assertThat(cluster.lastLogRequest.tailLines()).isEqualTo(20);
    assertThat(cluster.lastLogRequest.container()).isEqualTo("checkout");
    assertThat(cluster.lastLogRequest.previous()).isFalse();
    assertThat(allText(m))
        .contains("Connection refused")
        .contains("also in this workload: checkout-2");
    assertThat(allText(m)).contains("logs deploy/checkout -n shop --cluster demo --previous");

    Message previous = run("logs deploy/checkout -n shop --previous");
    assertThat(previous.text()).isEqualTo("Logs of checkout-1 (previous run)");
  }

  @Test
  void eventsAndDeploymentsAndClustersRender() {
    assertThat(allText(run("events -n shop --warnings"))).contains("BackOff").contains("(x12)");
    assertThat(allText(run("deployments -n shop")))
        .contains("*checkout* 0/2 ready — CrashLoopBackOff");
    assertThat(allText(run("clusters"))).contains("*demo* (default)", ":red_circle: unreachable");
  }

  @Test
  void helpListsEveryVerbAndIsInstantAndEphemeral() {
    Message m = run("help");
    for (Command c : Commands.standard().all()) {
      assertThat(allText(m)).contains(c.syntax().usage());
    }
    assertThat(m.inChannel()).isFalse();
    assertThat(runner.instantCommand("help")).isPresent();
    assertThat(runner.instantCommand("")).isPresent();
    assertThat(runner.instantCommand("pods")).isEmpty();
    assertThat(allText(run("help logs"))).contains("--previous");
    assertThat(run("help lgos").text()).contains("Did you mean `logs`?");
  }
}
