package dev.jamiescarlet.tools.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.actions.WriteAction.Limits;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LimitsPlanIT {
  MockCluster cluster;
  KubernetesClient client;
  Actions actions;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
    client = cluster.client;
    actions = cluster.actions;
    // api: two containers, the first with a 2Gi memory request under a 4Gi limit
    client
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("api")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .addToMatchLabels("app", "api")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "api")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("api")
                .withImage("ghcr.io/shop/api:v1")
                .withNewResources()
                .addToRequests("memory", new Quantity("2Gi"))
                .addToRequests("cpu", new Quantity("250m"))
                .addToLimits("memory", new Quantity("4Gi"))
                .endResources()
                .endContainer()
                .addNewContainer()
                .withName("sidecar")
                .withImage("envoy:v1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void setsTheLimitsOfTheOnlyContainerAfterADryRun() throws InterruptedException {
    // given
    var limits = new Limits(WorkloadKind.DEPLOYMENT, "shop", "checkout", null, "1Gi", "500m");

    // when
    Preview preview = actions.preview(null, Identity.BOT, limits);
    var dryRun = cluster.server.getLastRequest();
    Container afterPreview = container("checkout", 0);
    Result result = actions.execute(null, Identity.BOT, limits);

    // then
    assertThat(preview.changes())
        .extracting(Preview.Change::line)
        .containsExactly("memory limit: (none) → 1Gi", "cpu limit: (none) → 500m");
    assertThat(preview.impact())
        .startsWith("rolling restart of 2 pods (2 replicas): new pods start with the new limits")
        .contains("with no memory request, Kubernetes sets the request to the limit");
    assertThat(preview.pods()).containsExactly("shop/checkout-h3-aaaaa", "shop/checkout-h3-bbbbb");
    assertThat(preview.dryRun().passed()).isTrue();
    assertThat(dryRun.getPath())
        .isEqualTo("/apis/apps/v1/namespaces/shop/deployments/checkout?dryRun=All");
    assertThat(dryRun.getHeader("Content-Type")).startsWith("application/json-patch+json");
    assertThat(dryRun.getUtf8Body())
        .isEqualTo(
            "[{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/0/name\","
                + "\"value\":\"checkout\"},{\"op\":\"add\","
                + "\"path\":\"/spec/template/spec/containers/0/resources\","
                + "\"value\":{\"limits\":{\"memory\":\"1Gi\",\"cpu\":\"500m\"}}}]");
    assertThat(afterPreview.getResources())
        .satisfiesAnyOf(
            r -> assertThat(r).isNull(), r -> assertThat(r.getLimits()).isNullOrEmpty());
    assertThat(result.message())
        .isEqualTo(
            "Set limits of deployment shop/checkout container checkout (memory limit: (none) →"
                + " 1Gi, cpu limit: (none) → 500m); new pods will roll out");
    assertThat(container("checkout", 0).getResources().getLimits())
        .containsEntry("memory", new Quantity("1Gi"))
        .containsEntry("cpu", new Quantity("500m"));
  }

  @Test
  void aRequestAboveTheNewLimitIsLoweredToIt() {
    // given
    var limits = new Limits(WorkloadKind.DEPLOYMENT, "shop", "api", "api", "1Gi", null);

    // when
    Preview preview = actions.preview(null, null, limits);
    actions.execute(null, null, limits);

    // then
    assertThat(preview.changes())
        .extracting(Preview.Change::line)
        .containsExactly("memory limit: 4Gi → 1Gi", "memory request: 2Gi → 1Gi");
    assertThat(preview.impact())
        .contains("the memory request 2Gi is lowered to 1Gi, the new limit");
    var resources = container("api", 0).getResources();
    assertThat(resources.getLimits()).containsEntry("memory", new Quantity("1Gi"));
    assertThat(resources.getRequests())
        .containsEntry("memory", new Quantity("1Gi"))
        .containsEntry("cpu", new Quantity("250m"));
    assertThat(container("api", 1).getName()).isEqualTo("sidecar");
    assertThat(container("api", 1).getResources())
        .satisfiesAnyOf(
            r -> assertThat(r).isNull(), r -> assertThat(r.getLimits()).isNullOrEmpty());
  }

  @Test
  void severalContainersNeedOneNamedAndTheNamesAreListed() {
    assertThatThrownBy(
            () ->
                actions.preview(
                    null,
                    null,
                    new Limits(WorkloadKind.DEPLOYMENT, "shop", "api", null, "1Gi", null)))
        .isInstanceOfSatisfying(
            KubernetesToolException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST))
        .hasMessage(
            "deployment shop/api has 2 containers (api, sidecar); name one with -c CONTAINER.");
    assertThatThrownBy(
            () ->
                actions.preview(
                    null,
                    null,
                    new Limits(WorkloadKind.DEPLOYMENT, "shop", "api", "web", "1Gi", null)))
        .hasMessage("deployment shop/api has no container `web`; its containers: api, sidecar");
  }

  @Test
  void theSameLimitIsNothingToDoEvenInOtherUnits() {
    assertThatThrownBy(
            () ->
                actions.preview(
                    null,
                    null,
                    new Limits(WorkloadKind.DEPLOYMENT, "shop", "api", "api", "4096Mi", null)))
        .isInstanceOfSatisfying(
            KubernetesToolException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST))
        .hasMessage(
            "deployment shop/api container api already has memory limit 4Gi; nothing to change.");
  }

  @Test
  void aMissingWorkloadIsNotFoundAndAStatefulSetRollsHighestFirst() {
    assertThatThrownBy(
            () ->
                actions.preview(
                    null,
                    null,
                    new Limits(WorkloadKind.DEPLOYMENT, "shop", "nope", null, "1Gi", null)))
        .isInstanceOfSatisfying(
            KubernetesToolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessage("deployment `nope` not found in namespace `shop` on cluster `demo`");

    Preview db =
        actions.preview(
            null, null, new Limits(WorkloadKind.STATEFULSET, "shop", "db", null, null, "2"));
    assertThat(db.impact()).startsWith("rolling restart of 0 pods, one at a time, highest ordinal");
    assertThat(db.action().describe()).isEqualTo("set limits of statefulset shop/db to cpu 2");
  }

  @Test
  void aRefusedDryRunCarriesTheServersWords() {
    // given
    String denied =
        "admission webhook \"limits.example.com\" denied the request: memory over quota";
    cluster
        .server
        .expect()
        .patch()
        .withPath("/apis/apps/v1/namespaces/shop/deployments/checkout?dryRun=All")
        .andReturn(
            422,
            new StatusBuilder().withCode(422).withReason("Invalid").withMessage(denied).build())
        .always();

    // when
    Preview preview =
        actions.preview(
            null,
            null,
            new Limits(WorkloadKind.DEPLOYMENT, "shop", "checkout", null, "64Gi", null));

    // then
    assertThat(preview.dryRun().passed()).isFalse();
    assertThat(preview.dryRun().message())
        .isEqualTo(
            "the API server refused to limits deployment/checkout in namespace `shop` on"
                + " cluster `demo`: "
                + denied);
  }

  private Container container(String deployment, int index) {
    return client
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName(deployment)
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(index);
  }
}
