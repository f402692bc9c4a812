package dev.jamiescarlet.tools.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.actions.WriteAction.Cordon;
import dev.jamiescarlet.tools.actions.WriteAction.DeletePod;
import dev.jamiescarlet.tools.actions.WriteAction.Restart;
import dev.jamiescarlet.tools.actions.WriteAction.ResumeCronJob;
import dev.jamiescarlet.tools.actions.WriteAction.Rollback;
import dev.jamiescarlet.tools.actions.WriteAction.Scale;
import dev.jamiescarlet.tools.actions.WriteAction.SuspendCronJob;
import dev.jamiescarlet.tools.actions.WriteAction.Uncordon;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionsIT {
  MockCluster cluster;
  KubernetesClient client;
  Actions actions;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
    client = cluster.client;
    actions = cluster.actions;
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private Deployment deployment(String name) {
    return client.apps().deployments().inNamespace("shop").withName(name).get();
  }

  @Test
  void restartSetsTheRestartedAtAnnotationLikeKubectl() {
    // given
    var restart = new Restart(WorkloadKind.DEPLOYMENT, "shop", "checkout");

    // when
    Preview preview = actions.preview(null, Identity.BOT, restart);
    String afterPreview =
        WorkloadPlans.annotation(template("checkout"), WorkloadPlans.RESTARTED_AT);
    Result result = actions.execute(null, Identity.BOT, restart);

    // then
    assertThat(preview.cluster()).isEqualTo("demo");
    assertThat(preview.change())
        .contains("\"kubectl.kubernetes.io/restartedAt\" : \"2025-01-01T12:00:00Z\"");
    assertThat(preview.pods()).containsExactly("shop/checkout-h3-aaaaa", "shop/checkout-h3-bbbbb");
    assertThat(preview.dryRun()).isEqualTo(new Preview.DryRun(true, ""));
    assertThat(afterPreview).isNull();
    assertThat(result.message())
        .isEqualTo("Restarted deployment shop/checkout: new pods will roll out (2 replicas)");
    assertThat(template("checkout").getMetadata().getAnnotations())
        .containsEntry(WorkloadPlans.RESTARTED_AT, "2025-01-01T12:00:00Z");
  }

  @Test
  void restartOfAMissingDeploymentNamesClusterAndNamespace() {
    assertThatThrownBy(
            () -> actions.execute(null, null, new Restart(WorkloadKind.DEPLOYMENT, "shop", "nope")))
        .isInstanceOfSatisfying(
            KubernetesToolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessage("deployment `nope` not found in namespace `shop` on cluster `demo`");
  }

  @Test
  void scaleChangesReplicas() {
    // given
    var scale = new Scale(WorkloadKind.DEPLOYMENT, "shop", "checkout", 5);

    // when
    Preview preview = actions.preview(null, null, scale);
    Result result = actions.execute(null, null, scale);

    // then
    assertThat(preview.changes())
        .extracting(Preview.Change::line)
        .containsExactly("replicas: 2 → 5");
    assertThat(preview.impact()).isEqualTo("3 more pods will start");
    assertThat(result.message()).isEqualTo("Scaled deployment shop/checkout from 2 to 5");
    assertThat(deployment("checkout").getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void scalingAStatefulSetDownNamesThePodsThatGo() {
    // when
    Preview preview =
        actions.preview(null, null, new Scale(WorkloadKind.STATEFULSET, "shop", "db", 1));

    // then
    assertThat(preview.impact())
        .isEqualTo("pods shop/db-2, shop/db-1 will be removed, highest ordinal first");
    assertThatThrownBy(
            () -> actions.preview(null, null, new Scale(WorkloadKind.STATEFULSET, "shop", "db", 3)))
        .hasMessage("statefulset shop/db already has 3 replicas; nothing to change.");
  }

  @Test
  void dryRunSendsDryRunAllAndChangesNothing() throws InterruptedException {
    // when
    Preview preview =
        actions.preview(null, null, new Scale(WorkloadKind.DEPLOYMENT, "shop", "checkout", 7));

    // then
    assertThat(preview.dryRun().passed()).isTrue();
    var last = cluster.server.getLastRequest();
    assertThat(last.getMethod()).isEqualTo("PATCH");
    assertThat(last.getPath())
        .isEqualTo("/apis/apps/v1/namespaces/shop/deployments/checkout?dryRun=All");
    assertThat(last.getHeader("Content-Type")).startsWith("application/merge-patch+json");
    assertThat(last.getUtf8Body()).isEqualTo("{\"spec\":{\"replicas\":7}}");
    assertThat(deployment("checkout").getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void rollbackRestoresThePreviousReplicaSetTemplate() {
    // given
    var rollback = new Rollback("shop", "checkout", null);

    // when
    Preview preview = actions.preview(null, null, rollback);
    Result result = actions.execute(null, null, rollback);

    // then
    assertThat(preview.changes())
        .extracting(Preview.Change::line)
        .containsExactly(
            "revision: 3 → 2",
            "image checkout: ghcr.io/shop/checkout:v3 → ghcr.io/shop/checkout:v2");
    assertThat(preview.change())
        .contains("\"op\" : \"replace\"", "\"path\" : \"/spec/template\"")
        .doesNotContain(RollbackPlan.POD_TEMPLATE_HASH);
    assertThat(result.message())
        .isEqualTo(
            "Rolled back deployment shop/checkout from revision 3 to revision 2 (image checkout:"
                + " ghcr.io/shop/checkout:v3 → ghcr.io/shop/checkout:v2)");
    PodTemplateSpec template = template("checkout");
    assertThat(template.getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/shop/checkout:v2");
    assertThat(template.getMetadata().getLabels()).containsOnlyKeys("app");
  }

  @Test
  void rollbackToAnExplicitRevision() {
    // when
    actions.execute(null, null, new Rollback("shop", "checkout", 1L));

    // then
    assertThat(template("checkout").getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/shop/checkout:v1");
  }

  @Test
  void rollbackWithOneRevisionIsRefused() {
    assertThatThrownBy(() -> actions.preview(null, null, new Rollback("shop", "solo", null)))
        .isInstanceOfSatisfying(
            KubernetesToolException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST))
        .hasMessage("deployment shop/solo has only one revision; nothing to roll back to.");
  }

  @Test
  void deletePodRemovesItAndADryRunDoesNot() throws InterruptedException {
    // given
    var delete = new DeletePod("shop", "checkout-h3-aaaaa");

    // when
    Preview preview = actions.preview(null, null, delete);
    var dryRun = cluster.server.getLastRequest();
    boolean existsAfterPreview = pod("checkout-h3-aaaaa") != null;
    Result result = actions.execute(null, null, delete);

    // then
    assertThat(preview.change()).isEqualTo("DELETE pod/checkout-h3-aaaaa");
    assertThat(preview.impact())
        .isEqualTo("pod shop/checkout-h3-aaaaa will be replaced by its replicaset checkout-h3");
    assertThat(dryRun.getMethod()).isEqualTo("DELETE");
    assertThat(dryRun.getUtf8Body()).contains("\"dryRun\":[\"All\"]");
    assertThat(existsAfterPreview).isTrue();
    assertThat(result.message())
        .isEqualTo("Deleted pod shop/checkout-h3-aaaaa; its replicaset will start a new one");
    assertThat(pod("checkout-h3-aaaaa")).isNull();
  }

  @Test
  void cordonAndUncordonFlipUnschedulable() {
    // when
    Preview preview = actions.preview(null, null, new Cordon("node-a"));
    Result cordoned = actions.execute(null, null, new Cordon("node-a"));
    boolean unschedulable = client.nodes().withName("node-a").get().getSpec().getUnschedulable();
    Result uncordoned = actions.execute(null, null, new Uncordon("node-a"));

    // then
    assertThat(preview.pods()).containsExactly("shop/checkout-h3-aaaaa", "shop/checkout-h3-bbbbb");
    assertThat(preview.action().namespace()).isNull();
    assertThat(preview.action().describe()).isEqualTo("cordon node node-a");
    assertThat(unschedulable).isTrue();
    assertThat(cordoned.message())
        .isEqualTo("Cordoned node node-a: no new pods will land there (2 running pods stay)");
    assertThat(uncordoned.message()).isEqualTo("Uncordoned node node-a: it takes new pods again");
    assertThat(client.nodes().withName("node-a").get().getSpec().getUnschedulable()).isFalse();
    assertThatThrownBy(() -> actions.preview(null, null, new Uncordon("node-a")))
        .hasMessage("node node-a is already schedulable; nothing to change.");
  }

  @Test
  void suspendAndResumeACronJob() {
    // when
    Result suspended = actions.execute(null, null, new SuspendCronJob("shop", "report"));
    boolean flag = cronJobSuspended();
    Result resumed = actions.execute(null, null, new ResumeCronJob("shop", "report"));

    // then
    assertThat(flag).isTrue();
    assertThat(suspended.message())
        .isEqualTo("Suspended cronjob shop/report: no new jobs will start");
    assertThat(resumed.message())
        .isEqualTo("Resumed cronjob shop/report: jobs start on schedule 0 * * * *");
    assertThat(cronJobSuspended()).isFalse();
  }

  private boolean cronJobSuspended() {
    return client
        .batch()
        .v1()
        .cronjobs()
        .inNamespace("shop")
        .withName("report")
        .get()
        .getSpec()
        .getSuspend();
  }

  private PodTemplateSpec template(String deployment) {
    return deployment(deployment).getSpec().getTemplate();
  }

  private io.fabric8.kubernetes.api.model.Pod pod(String name) {
    return client.pods().inNamespace("shop").withName(name).get();
  }
}
