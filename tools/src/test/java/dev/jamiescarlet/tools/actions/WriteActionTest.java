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
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WriteActionTest {

  @Test
  void everyActionHasAVerbATargetAndOneLine() {
    assertThat(new Restart(WorkloadKind.parse("deploy"), "shop", "checkout").describe())
        .isEqualTo("restart deployment shop/checkout");
    assertThat(new Scale(WorkloadKind.parse("sts"), "shop", "db", 5).describe())
        .isEqualTo("scale statefulset shop/db to 5");
    assertThat(new Rollback("shop", "checkout", null).describe())
        .isEqualTo("rollback deployment shop/checkout to the previous revision");
    assertThat(new Rollback("shop", "checkout", 2L).describe())
        .isEqualTo("rollback deployment shop/checkout to revision 2");
    assertThat(new DeletePod("shop", "checkout-1").describe())
        .isEqualTo("delete pod shop/checkout-1");
    assertThat(new Cordon("node-a").target()).isEqualTo("node/node-a");
    assertThat(new Uncordon("node-a").describe()).isEqualTo("uncordon node node-a");
    assertThat(new SuspendCronJob("shop", "report").describe())
        .isEqualTo("suspend cronjob shop/report");
    assertThat(new ResumeCronJob("shop", "report").verb()).isEqualTo("resume");
    assertThat(new Restart(WorkloadKind.DAEMONSET, "kube-system", "agent").target())
        .isEqualTo("daemonset/agent");
  }

  @Test
  void impossibleActionsAreRefusedWithAReason() {
    assertThatThrownBy(() -> new Scale(WorkloadKind.DEPLOYMENT, "shop", "frontend", -1))
        .isInstanceOfSatisfying(
            KubernetesToolException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST))
        .hasMessage("cannot scale deployment shop/frontend to -1 replicas; use 0 or more.");
    assertThatThrownBy(() -> new Scale(WorkloadKind.DAEMONSET, "kube-system", "agent", 2))
        .hasMessageContaining("runs one pod per node");
    assertThatThrownBy(() -> new Rollback("shop", "checkout", 0L))
        .hasMessageContaining("revisions start at 1");
    assertThatThrownBy(() -> new DeletePod("shop", " ")).hasMessage("a name is required.");
    assertThatThrownBy(() -> WorkloadKind.parse("pod"))
        .hasMessage(
            "`pod` is not a workload I can act on; use deployment, statefulset or daemonset.");
  }

  @Test
  void limitsNeedAWorkloadAndAtLeastOneValidQuantity() {
    // when / then
    assertThat(
            new WriteAction.Limits(
                    WorkloadKind.parse("deploy"), "shop", "api", "web", " 1Gi ", null)
                .describe())
        .isEqualTo("set limits of deployment shop/api container web to memory 1Gi");
    assertThat(new WriteAction.Limits(WorkloadKind.STATEFULSET, "shop", "db", " ", "1Gi", "500m"))
        .satisfies(l -> assertThat(l.container()).isNull())
        .satisfies(l -> assertThat(l.verb()).isEqualTo("limits"))
        .satisfies(l -> assertThat(l.target()).isEqualTo("statefulset/db"));
    assertThatThrownBy(
            () ->
                new WriteAction.Limits(WorkloadKind.DEPLOYMENT, "shop", "api", null, "1 gig", null))
        .isInstanceOfSatisfying(
            KubernetesToolException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST))
        .hasMessage("`1 gig` is not a memory quantity; write it like 512Mi or 1Gi.");
    assertThatThrownBy(
            () ->
                new WriteAction.Limits(WorkloadKind.DEPLOYMENT, "shop", "api", null, null, "lots"))
        .hasMessage("`lots` is not a cpu quantity; write it like 500m or 2.");
    assertThatThrownBy(
            () -> new WriteAction.Limits(WorkloadKind.DEPLOYMENT, "shop", "api", null, "1", null))
        .hasMessageContaining("under 4Mi");
    assertThatThrownBy(
            () -> new WriteAction.Limits(WorkloadKind.DEPLOYMENT, "shop", "api", null, null, "0"))
        .hasMessage("a cpu limit must be more than 0, not `0`.");
    assertThatThrownBy(
            () -> new WriteAction.Limits(WorkloadKind.DEPLOYMENT, "shop", "api", null, null, null))
        .hasMessageContaining("give a memory limit, a cpu limit or both");
    assertThatThrownBy(
            () ->
                new WriteAction.Limits(WorkloadKind.DAEMONSET, "shop", "agent", null, "1Gi", null))
        .hasMessage("limits works on deployments and statefulsets, not daemonset shop/agent.");
  }

  @Test
  void restartedAtIsRfc3339InUtcToTheSecond() {
    assertThat(WorkloadPlans.rfc3339(Instant.parse("2025-03-04T05:06:07.891Z")))
        .isEqualTo("2025-03-04T05:06:07Z");
  }

  @Test
  void restartPatchTouchesOnlyTheTemplateAnnotation() {
    // when
    var patch =
        MergePatch.at(
            "2025-01-01T12:00:00Z",
            "spec",
            "template",
            "metadata",
            "annotations",
            WorkloadPlans.RESTARTED_AT);

    // then
    assertThat(MergePatch.compact(patch))
        .isEqualTo(
            "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":"
                + "{\"kubectl.kubernetes.io/restartedAt\":\"2025-01-01T12:00:00Z\"}}}}}");
    assertThat(MergePatch.compact(MergePatch.at(5, "spec", "replicas")))
        .isEqualTo("{\"spec\":{\"replicas\":5}}");
    assertThat(MergePatch.pretty(MergePatch.at(true, "spec", "unschedulable")))
        .isEqualTo("{\n  \"spec\" : {\n    \"unschedulable\" : true\n  }\n}");
  }
}
