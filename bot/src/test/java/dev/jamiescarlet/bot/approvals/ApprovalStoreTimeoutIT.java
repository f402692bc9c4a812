package dev.jamiescarlet.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.CommandRunner;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.sandbox.DemoCluster;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.bot.store.StallingProxy;
import dev.jamiescarlet.tools.actions.Actions;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A Confirm click while MongoDB hangs: the clicker is told nothing ran, nobody is held. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ApprovalStoreTimeoutIT {
  private static final String POLICY =
      """
      roles:
        operator: [read, scale]
      bindings:
        - role: operator
          users: [U0ADA]
          scope: {clusters: ['*'], namespaces: [shop]}
      """;

  @TempDir Path data;

  @Test
  void aConfirmOnAHungStoreSaysNothingRan() throws Exception {
    try (DemoCluster cluster = DemoCluster.start();
        Mongo embedded = Mongo.embedded(data)) {
      String[] hostPort = embedded.address().split(":");
      try (StallingProxy proxy = new StallingProxy(hostPort[0], Integer.parseInt(hostPort[1]));
          Mongo store =
              Mongo.connect(
                  "mongodb://127.0.0.1:" + proxy.port() + "/jamie",
                  Mongo.SERVER_SELECTION_TIMEOUT);
          KubeconfigClusterRegistry clusters =
              KubeconfigClusterRegistry.of(Map.of("demo", cluster.client()), "demo", "demo")) {
        // given Ada's scale proposal, stored while MongoDB answered
        Clock clock = Clock.systemUTC();
        Fabric8KubernetesReads reads = new Fabric8KubernetesReads(clusters, clock);
        Commands commands = Commands.standard();
        AuditLog audit = new AuditLog(store.database(), clock);
        ApprovalFlow flow =
            new ApprovalFlow(
                new PolicyEngine(Policy.parse(POLICY, "test-policy.yaml"), Duration.ofMinutes(15)),
                new Actions(clusters, clock),
                new Approvals(store.database(), clock),
                audit,
                commands,
                clusters,
                reads,
                clock);
        Message proposal =
            new CommandRunner(commands)
                .run(
                    "scale deploy/frontend 5 -n shop",
                    new CommandContext(
                        "U0ADA", "C0SHOP", null, clusters, reads, commands, clock, audit, flow));
        String id = confirmId(proposal);
        int before = replicas(cluster);

        // when MongoDB hangs and Ada clicks Confirm
        proxy.stall();
        ApprovalFlow.Click click = flow.confirm(id, "U0ADA", "C0SHOP");

        // then she is told nothing ran, and nothing did
        assertThat(click.replacement()).isNull();
        assertThat(click.note().text())
            .contains("Nothing was run")
            .contains("can't reach my store");
        assertThat(replicas(cluster)).isEqualTo(before);
      }
    }
  }

  private static String confirmId(Message proposal) {
    return proposal.blocks().stream()
        .filter(Block.Actions.class::isInstance)
        .map(Block.Actions.class::cast)
        .flatMap(a -> a.buttons().stream())
        .filter(b -> b.actionId().equals(ApprovalFlow.CONFIRM))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Confirm in " + proposal))
        .value();
  }

  private static int replicas(DemoCluster cluster) {
    return cluster
        .client()
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName("frontend")
        .get()
        .getSpec()
        .getReplicas();
  }
}
