package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.actions.WorkloadKind;
import dev.jamiescarlet.tools.actions.WriteAction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LimitsCommandTest {
  private final FakeCluster cluster = new FakeCluster();
  private final CommandRunner runner = new CommandRunner(Commands.standard());
  private final List<WriteAction> proposed = new ArrayList<>();
  private final List<String> clusters = new ArrayList<>();

  private Message run(String text) {
    WriteGate gate =
        (inv, clusterName, action) -> {
          proposed.add(action);
          clusters.add(clusterName);
          return Message.of("proposed");
        };
    CommandContext context =
        new CommandContext(
            "U0ADA",
            "C0SHOP",
            null,
            cluster,
            cluster,
            runner.commands(),
            Clock.systemUTC(),
            null,
            gate);
    return runner.run(text, context);
  }

  private static String allText(Message m) {
    return m.text()
        + "\n"
        + m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void everyOptionReachesTheAction() {
    // when
    Message m = run("limits deploy/api --memory 1Gi --cpu 500m -c api -n shop --cluster demo");

    // then
    assertThat(m.text()).isEqualTo("proposed");
    assertThat(proposed)
        .containsExactly(
            new WriteAction.Limits(WorkloadKind.DEPLOYMENT, "shop", "api", "api", "1Gi", "500m"));
  }

  @Test
  void theContainerMayBeLeftToThePlanAndStatefulSetsWork() {
    // when
    run("limits sts/db --cpu 2 -n shop");

    // then
    assertThat(proposed)
        .containsExactly(
            new WriteAction.Limits(WorkloadKind.STATEFULSET, "shop", "db", null, null, "2"));
  }

  @Test
  void withoutMemoryOrCpuItSaysWhatToAdd() {
    // when
    Message m = run("limits deploy/api -n shop");

    // then
    assertThat(proposed).isEmpty();
    assertThat(m.text())
        .isEqualTo("`limits` needs --memory, --cpu or both, e.g. `limits deploy/api --memory 1Gi`");
    assertThat(allText(m))
        .contains(
            "Usage: `limits KIND/NAME [--memory 1Gi] [--cpu 500m] [-c CONTAINER] [-n NS]"
                + " [--cluster C]`");
  }

  @Test
  void aQuantityThatIsNotOneIsAUsageError() {
    // when
    Message gig = run("limits deploy/api --memory \"1 gig\" -n shop");
    Message cpu = run("limits deploy/api --cpu fast -n shop");

    // then
    assertThat(proposed).isEmpty();
    assertThat(gig.text())
        .isEqualTo("`1 gig` is not a memory quantity; write it like 512Mi or 1Gi.");
    assertThat(allText(gig)).contains("Usage: `limits KIND/NAME");
    assertThat(cpu.text()).isEqualTo("`fast` is not a cpu quantity; write it like 500m or 2.");
  }

  @Test
  void daemonsetsPodsAndMissingTargetsAreRefused() {
    assertThat(run("limits ds/agent --memory 1Gi").text())
        .isEqualTo("limits works on deployments and statefulsets, not daemonset default/agent.");
    assertThat(run("limits pod/x --memory 1Gi").text())
        .isEqualTo(
            "`pod` is not a workload I can act on; use deployment, statefulset or daemonset.");
    assertThat(run("limits --memory 1Gi").text()).isEqualTo("`limits` needs KIND/NAME");
    assertThat(proposed).isEmpty();
  }
}
