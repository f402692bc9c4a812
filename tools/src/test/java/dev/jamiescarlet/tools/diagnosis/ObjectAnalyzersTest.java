package dev.jamiescarlet.tools.diagnosis;

import static dev.jamiescarlet.tools.diagnosis.Fixtures.NS;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.deployment;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.event;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.pod;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.running;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.runningNotReady;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectAnalyzersTest {

  @Test
  void stuckRolloutReadsTheProgressingCondition() {
    Deployment stuck =
        new DeploymentBuilder(deployment("api", 3, 2))
            .editStatus()
            .addNewCondition()
            .withType("Progressing")
            .withStatus("False")
            .withReason("ProgressDeadlineExceeded")
            .withMessage("ReplicaSet \"api-2\" has timed out progressing.")
            .endCondition()
            .endStatus()
            .build();
    List<Finding> findings =
        new StuckRolloutAnalyzer().analyze(Snapshot.builder().deployments(List.of(stuck)).build());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("api's rollout is stuck");
              assertThat(f.evidence().get(0)).contains("has timed out progressing");
            });
    assertThat(
            new StuckRolloutAnalyzer()
                .analyze(Snapshot.builder().deployments(List.of(deployment("api", 3, 3))).build()))
        .isEmpty();
  }

  @Test
  void unavailableReplicasCountsAndQuotesReplicaFailure() {
    Deployment quota =
        new DeploymentBuilder(deployment("api", 2, 0))
            .editStatus()
            .addNewCondition()
            .withType("ReplicaFailure")
            .withStatus("True")
            .withMessage("pods \"api-1\" is forbidden: exceeded quota")
            .endCondition()
            .endStatus()
            .build();
    List<Finding> findings =
        new UnavailableReplicasAnalyzer()
            .analyze(
                Snapshot.builder()
                    .deployments(List.of(quota, deployment("ok", 2, 2), deployment("off", 0, 0)))
                    .build());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("api has 0/2 replicas available");
              assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(f.likelyCause()).contains("exceeded quota");
            });
  }

  @Test
  void failedJobsAreCriticalWithTheirPodsLogs() {
    Job failed =
        new JobBuilder()
            .withNewMetadata()
            .withName("migrate")
            .withNamespace(NS)
            .endMetadata()
            .withNewStatus()
            .withFailed(6)
            .addNewCondition()
            .withType("Failed")
            .withStatus("True")
            .withReason("BackoffLimitExceeded")
            .withMessage("Job has reached the specified backoff limit")
            .endCondition()
            .endStatus()
            .build();
    Job done =
        new JobBuilder()
            .withNewMetadata()
            .withName("seed")
            .withNamespace(NS)
            .endMetadata()
            .withNewStatus()
            .withSucceeded(1)
            .addNewCondition()
            .withType("Complete")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build();
    var jobPod =
        new PodBuilder(pod("migrate", "x", running("migrate")))
            .editMetadata()
            .withName("migrate-x")
            .editFirstOwnerReference()
            .withKind("Job")
            .withName("migrate")
            .endOwnerReference()
            .endMetadata()
            .build();
    List<Finding> findings =
        new FailedJobAnalyzer()
            .analyze(Snapshot.builder().jobs(List.of(failed, done)).pods(List.of(jobPod)).build());
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("job migrate failed");
              assertThat(f.evidence()).contains("6 failed pods");
              assertThat(f.commands())
                  .containsExactly("logs migrate-x -n shop", "describe job/migrate -n shop");
            });
  }

  @Test
  void pendingClaimsQuoteTheProvisionerButWaitingForAConsumerIsFine() {
    PersistentVolumeClaim pending = claim("data", "Pending");
    PersistentVolumeClaim waiting = claim("cache", "Pending");
    PersistentVolumeClaim bound = claim("logs", "Bound");
    Snapshot s =
        Snapshot.builder()
            .claims(List.of(pending, waiting, bound))
            .events(
                List.of(
                    event(
                        "PersistentVolumeClaim",
                        "data",
                        "ProvisioningFailed",
                        "storageclass \"fast\" not found"),
                    event("PersistentVolumeClaim", "cache", "WaitForFirstConsumer", "waiting")))
            .build();
    assertThat(new PendingClaimAnalyzer().analyze(s))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.object().ref()).isEqualTo("pvc/data");
              assertThat(f.evidence())
                  .contains(
                      "Pending; storage class fast, requests 5Gi",
                      "provisioner: storageclass \"fast\" not found");
              assertThat(f.commands()).containsExactly("events -n shop --warnings");
            });
  }

  @Test
  void servicesWithoutReadyPodsAreReportedUnlessAWorkloadExplainsThem() {
    Service typo = service("web", "wbe");
    Service covered = service("api", "api");
    Service fine = service("cart", "cart");
    Service manual =
        new ServiceBuilder(service("ext", "x")).editSpec().withSelector(null).endSpec().build();
    Service withEndpoints = service("db", "db");
    var bare =
        new PodBuilder(pod("solo", "a", runningNotReady("solo")))
            .editMetadata()
            .withOwnerReferences(List.<io.fabric8.kubernetes.api.model.OwnerReference>of())
            .endMetadata()
            .build();
    Snapshot s =
        Snapshot.builder()
            .services(List.of(typo, covered, fine, manual, withEndpoints, service("solo", "solo")))
            .endpoints(
                List.of(
                    new EndpointsBuilder()
                        .withNewMetadata()
                        .withName("db")
                        .withNamespace(NS)
                        .endMetadata()
                        .addNewSubset()
                        .addNewAddress()
                        .withIp("10.0.0.1")
                        .endAddress()
                        .endSubset()
                        .build()))
            .pods(
                List.of(
                    pod("api", "a", runningNotReady("api")),
                    pod("cart", "a", running("cart")),
                    bare))
            .build();
    List<Finding> findings = new ServiceEndpointsAnalyzer().analyze(s);
    assertThat(findings)
        .extracting(f -> f.object().name())
        .containsExactlyInAnyOrder("web", "solo");
    assertThat(findings)
        .filteredOn(f -> f.object().name().equals("web"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence())
                  .containsExactly("selector app=wbe", "no pod in shop matches it");
              assertThat(f.commands())
                  .contains("describe svc/web -n shop", "pods -n shop -l app=wbe");
            });
  }

  @Test
  void nodesNotReadyOrUnderPressureButOnlyThoseTheNamespaceUses() {
    Node down = node("node-a", "Ready", "False");
    Node pressed = node("node-b", "DiskPressure", "True");
    Node healthy = node("node-c", "Ready", "True");
    var onB =
        new PodBuilder(pod("web", "b", running("web")))
            .editSpec()
            .withNodeName("node-b")
            .endSpec()
            .build();
    var onC =
        new PodBuilder(pod("web", "c", running("web")))
            .editSpec()
            .withNodeName("node-c")
            .endSpec()
            .build();
    Snapshot all =
        Snapshot.builder().scope("demo", null).nodes(List.of(down, pressed, healthy)).build();
    Snapshot shop =
        Snapshot.builder().nodes(List.of(down, pressed, healthy)).pods(List.of(onB, onC)).build();

    assertThat(new NodeConditionAnalyzer().analyze(all))
        .extracting(Finding::title, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("node node-a is NotReady", Severity.CRITICAL),
            org.assertj.core.groups.Tuple.tuple(
                "node node-b is under DiskPressure", Severity.WARNING));
    assertThat(new NodeConditionAnalyzer().analyze(shop))
        .singleElement()
        .satisfies(f -> assertThat(f.commands()).containsExactly("describe node/node-b"));
  }

  private static Node node(String name, String type, String status) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewStatus()
        .addNewCondition()
        .withType(type)
        .withStatus(status)
        .withReason("KubeletNotReady")
        .withMessage("PLEG is not healthy")
        .endCondition()
        .endStatus()
        .build();
  }

  private static Service service(String name, String app) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", app)
        .endSpec()
        .build();
  }

  private static PersistentVolumeClaim claim(String name, String phase) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .endMetadata()
        .withNewSpec()
        .withStorageClassName("fast")
        .withNewResources()
        .addToRequests("storage", new Quantity("5Gi"))
        .endResources()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }
}
