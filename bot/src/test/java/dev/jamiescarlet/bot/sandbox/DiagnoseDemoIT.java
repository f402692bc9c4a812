package dev.jamiescarlet.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.diagnosis.Diagnosis;
import dev.jamiescarlet.tools.diagnosis.Fabric8Diagnoser;
import dev.jamiescarlet.tools.diagnosis.Finding;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real diagnoser against the seeded demo cluster, through the command too. */
class DiagnoseDemoIT {
  private static DemoCluster cluster;
  private static KubeconfigClusterRegistry registry;
  private static Fabric8Diagnoser diagnoser;

  @BeforeAll
  static void start() {
    cluster = DemoCluster.start();
    registry = KubeconfigClusterRegistry.of(Map.of("demo", cluster.client()), "demo", "demo");
    diagnoser = new Fabric8Diagnoser(registry, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void shopHasExactlyTheFourFailingWorkloads() {
    // when
    Diagnosis d = diagnoser.diagnose("demo", "shop", null);

    // then
    assertThat(d.findings())
        .extracting(f -> f.object().ref())
        .containsExactlyInAnyOrder(
            "deploy/checkout", "deploy/payments", "deploy/catalog", "deploy/search");
    Finding checkout = find(d, "checkout");
    assertThat(checkout.title()).isEqualTo("checkout is crash-looping");
    assertThat(String.join("\n", checkout.evidence()))
        .contains("last exit code 1")
        .contains("Connection refused");
    assertThat(checkout.commands()).contains("logs deploy/checkout -n shop --previous");
    Finding payments = find(d, "payments");
    assertThat(payments.title()).isEqualTo("payments cannot pull its image");
    assertThat(String.join("\n", payments.evidence())).contains("v9.9.9", "not found");
    assertThat(payments.commands()).contains("describe deploy/payments -n shop");
    Finding catalog = find(d, "catalog");
    assertThat(catalog.title()).isEqualTo("catalog is being OOMKilled");
    assertThat(String.join("\n", catalog.evidence())).contains("128Mi");
    Finding search = find(d, "search");
    assertThat(search.title()).isEqualTo("search cannot be scheduled");
    assertThat(String.join("\n", search.evidence())).contains("Insufficient cpu");
    assertThat(d.findings())
        .noneMatch(f -> f.object().name().equals("frontend") || f.object().name().equals("cart"));
  }

  @Test
  void healthyWorkloadsAndTheCommandReply() {
    assertThat(diagnoser.diagnose("demo", "shop", "deploy/frontend").healthy()).isTrue();
    assertThat(diagnoser.diagnose("demo", "shop", "deploy/cart").healthy()).isTrue();

    CommandContext context =
        new CommandContext(
            "U0ADA",
            "C0SHOP",
            null,
            registry,
            new Fabric8KubernetesReads(registry, Clock.systemUTC()),
            Commands.standard(),
            Clock.systemUTC(),
            null,
            null);
    CommandRunner runner = new CommandRunner(Commands.standard());
    Message m = runner.run("diagnose -n shop", context);
    assertThat(m.text()).isEqualTo("4 problems in shop on demo");
    List<String> values =
        m.blocks().stream()
            .filter(Block.Actions.class::isInstance)
            .flatMap(b -> ((Block.Actions) b).buttons().stream())
            .map(Block.Button::value)
            .toList();
    assertThat(values)
        .contains(
            "logs deploy/checkout -n shop --previous --cluster demo",
            "describe deploy/payments -n shop --cluster demo");
    String text = m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
    assertThat(text).contains(":red_circle: *checkout is crash-looping*");
  }

  private static Finding find(Diagnosis d, String name) {
    return d.findings().stream()
        .filter(f -> f.object().name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
