package dev.jamiescarlet.tools.actions;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/** The objects the action ITs act on, in namespace shop. */
final class ActionsSeed {
  private ActionsSeed() {}

  static void seed(KubernetesClient client) {
    // the mock assigns its own uid on create; owner references must carry that one
    String checkout =
        client.resource(deployment("checkout", 2, 3, "v3")).create().getMetadata().getUid();
    for (int revision = 1; revision <= 3; revision++) {
      client
          .resource(replicaSet("checkout", checkout, "h" + revision, revision, "v" + revision))
          .create();
    }
    String solo = client.resource(deployment("solo", 1, 1, "v1")).create().getMetadata().getUid();
    client.resource(replicaSet("solo", solo, "s1", 1, "v1")).create();
    for (String pod : new String[] {"checkout-h3-aaaaa", "checkout-h3-bbbbb"}) {
      client
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withName(pod)
                  .withNamespace("shop")
                  .withLabels(Map.of("app", "checkout", "pod-template-hash", "h3"))
                  .withOwnerReferences(
                      new OwnerReferenceBuilder()
                          .withApiVersion("apps/v1")
                          .withKind("ReplicaSet")
                          .withName("checkout-h3")
                          .withController(true)
                          .build())
                  .endMetadata()
                  .withNewSpec()
                  .withNodeName("node-a")
                  .addNewContainer()
                  .withName("checkout")
                  .withImage("ghcr.io/shop/checkout:v3")
                  .endContainer()
                  .endSpec()
                  .withNewStatus()
                  .withPhase("Running")
                  .endStatus()
                  .build())
          .create();
    }
    client
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("db")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withNewSelector()
                .addToMatchLabels("app", "db")
                .endSelector()
                .withTemplate(template("db", "postgres:16", null))
                .endSpec()
                .build())
        .create();
    client
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("node-a")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build())
        .create();
    client
        .resource(
            new CronJobBuilder()
                .withNewMetadata()
                .withName("report")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withSchedule("0 * * * *")
                .withNewJobTemplate()
                .withNewSpec()
                .withTemplate(template("report", "ghcr.io/shop/report:v1", null))
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build())
        .create();
  }

  static io.fabric8.kubernetes.api.model.apps.Deployment deployment(
      String name, int replicas, int revision, String version) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .addToAnnotations(RollbackPlan.REVISION, Integer.toString(revision))
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withTemplate(template(name, "ghcr.io/shop/" + name + ":" + version, null))
        .endSpec()
        .build();
  }

  static io.fabric8.kubernetes.api.model.apps.ReplicaSet replicaSet(
      String deployment, String uid, String hash, int revision, String version) {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withName(deployment + "-" + hash)
        .withNamespace("shop")
        .addToAnnotations(RollbackPlan.REVISION, Integer.toString(revision))
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(deployment)
                .withUid(uid)
                .withController(true)
                .build())
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", deployment)
        .addToMatchLabels(RollbackPlan.POD_TEMPLATE_HASH, hash)
        .endSelector()
        .withTemplate(template(deployment, "ghcr.io/shop/" + deployment + ":" + version, hash))
        .endSpec()
        .build();
  }

  static PodTemplateSpec template(String app, String image, String hash) {
    PodTemplateSpecBuilder template =
        new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", app).endMetadata();
    if (hash != null) {
      template.editMetadata().addToLabels(RollbackPlan.POD_TEMPLATE_HASH, hash).endMetadata();
    }
    return template
        .withNewSpec()
        .addNewContainer()
        .withName(app)
        .withImage(image)
        .endContainer()
        .endSpec()
        .build();
  }
}
