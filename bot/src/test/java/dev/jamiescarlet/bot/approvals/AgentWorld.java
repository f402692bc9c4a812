package dev.jamiescarlet.bot.approvals;

import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.sandbox.DemoCluster;
import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.tools.actions.Actions;
import dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The demo cluster, the embedded store and the shipped demo policy (Ada operates `shop`, Bob views,
 * Cat is admin), with an approval flow and a judge over them.
 */
final class AgentWorld implements AutoCloseable {
  final DemoCluster cluster = DemoCluster.start();
  final KubeconfigClusterRegistry clusters =
      KubeconfigClusterRegistry.of(Map.of("demo", cluster.client()), "demo", "demo");
  final Path data;
  final Mongo store;
  final Clock clock = Clock.systemUTC();
  final AuditLog audit;
  final KubernetesReads reads = new Fabric8KubernetesReads(clusters, clock);
  final Commands commands = Commands.standard();
  final PolicyEngine policy = new PolicyEngine(Policy.demo(), Duration.ofMinutes(15));
  final Actions actions = new Actions(clusters, clock);
  final Approvals approvals;
  final ApprovalFlow flow;
  final ProposalJudge judge = new ProposalJudge(policy, actions);

  AgentWorld(Path data) {
    this.data = data;
    store = Mongo.embedded(data);
    audit = new AuditLog(store.database(), clock);
    approvals = new Approvals(store.database(), clock);
    flow = new ApprovalFlow(policy, actions, approvals, audit, commands, clusters, reads, clock);
  }

  CommandContext context(String user) {
    return new CommandContext(user, "C0SHOP", null, clusters, reads, commands, clock, audit, flow);
  }

  /** A deployment in shop with {@code pods} running pods. */
  void deploymentWithPods(String name, int pods) {
    var client = cluster.client();
    client
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withReplicas(pods)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(name)
                .withImage("ghcr.io/shop/" + name + ":v1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    for (int i = 0; i < pods; i++) {
      client
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withName(name + "-" + i)
                  .withNamespace("shop")
                  .addToLabels("app", name)
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName(name)
                  .withImage("ghcr.io/shop/" + name + ":v1")
                  .endContainer()
                  .endSpec()
                  .build())
          .create();
    }
  }

  @Override
  public void close() {
    store.close();
    clusters.close();
    cluster.close();
  }
}
