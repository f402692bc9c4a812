package dev.jamiescarlet.tools.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackPlanTest {
  static final String REF = "deployment shop/x";

  @Test
  void previousIsTheNewestRevisionBeforeTheCurrent() {
    assertThat(RollbackPlan.pick(REF, 5L, List.of(2L, 5L, 4L, 1L), null)).isEqualTo(4L);
    // after a rollback the current revision is the highest, earlier ones stay
    assertThat(RollbackPlan.pick(REF, 6L, List.of(3L, 6L, 5L), null)).isEqualTo(5L);
    assertThat(RollbackPlan.pick(REF, null, List.of(1L, 2L), null)).isEqualTo(2L);
  }

  @Test
  void anExplicitRevisionMustExistAndDiffer() {
    assertThat(RollbackPlan.pick(REF, 3L, List.of(1L, 2L, 3L), 1L)).isEqualTo(1L);
    assertThatThrownBy(() -> RollbackPlan.pick(REF, 3L, List.of(1L, 2L, 3L), 3L))
        .hasMessage("deployment shop/x is already at revision 3; nothing to roll back.");
    assertThatThrownBy(() -> RollbackPlan.pick(REF, 3L, List.of(3L, 1L, 2L), 7L))
        .hasMessage("deployment shop/x has no revision 7; known revisions: 1, 2, 3.");
  }

  @Test
  void oneRevisionMeansNothingToRollBackTo() {
    assertThatThrownBy(() -> RollbackPlan.pick(REF, 1L, List.of(1L), null))
        .isInstanceOfSatisfying(
            KubernetesToolException.class,
            e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST))
        .hasMessage("deployment shop/x has only one revision; nothing to roll back to.");
    assertThatThrownBy(() -> RollbackPlan.pick(REF, 1L, List.of(1L, 2L), null))
        .hasMessage("deployment shop/x has no revision before 1; nothing to roll back to.");
  }

  @Test
  void historyKeepsOnlyReplicaSetsOwnedByTheDeploymentWithARevision() {
    // given
    Deployment d = ActionsSeed.deployment("checkout", 2, 3, "v3");
    d.getMetadata().setUid("uid-1");
    ReplicaSet mine = ActionsSeed.replicaSet("checkout", "uid-1", "a", 1, "v1");
    ReplicaSet sameNameOtherUid = ActionsSeed.replicaSet("checkout", "uid-old", "b", 2, "v2");
    ReplicaSet noRevision =
        new ReplicaSetBuilder(ActionsSeed.replicaSet("checkout", "uid-1", "c", 3, "v3"))
            .editMetadata()
            .withAnnotations(null)
            .endMetadata()
            .build();
    ReplicaSet garbled =
        new ReplicaSetBuilder(ActionsSeed.replicaSet("checkout", "uid-1", "d", 4, "v4"))
            .editMetadata()
            .addToAnnotations(RollbackPlan.REVISION, "four")
            .endMetadata()
            .build();

    // when
    var history = RollbackPlan.history(d, List.of(mine, sameNameOtherUid, noRevision, garbled));

    // then
    assertThat(history).containsOnlyKeys(1L);
    assertThat(RollbackPlan.revision(d)).isEqualTo(3L);
  }

  @Test
  void imageChangesNameEachContainer() {
    var from = ActionsSeed.template("checkout", "ghcr.io/shop/checkout:v3", null);
    var to = ActionsSeed.template("checkout", "ghcr.io/shop/checkout:v2", "h2");

    assertThat(RollbackPlan.imageChanges(from, to))
        .extracting(Preview.Change::line)
        .containsExactly("image checkout: ghcr.io/shop/checkout:v3 → ghcr.io/shop/checkout:v2");
    assertThat(RollbackPlan.imageChanges(from, from)).isEmpty();
  }
}
