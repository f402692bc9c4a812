package dev.jamiescarlet.tools.diagnosis;

import static dev.jamiescarlet.tools.diagnosis.Fixtures.app;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.pod;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.running;
import static dev.jamiescarlet.tools.diagnosis.Fixtures.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsTest {

  @Test
  void aCrashingDeploymentIsOneFindingWithTheReplicaCountFoldedIn() {
    // given checkout crashing (pod analyzers) and short of replicas (deployment analyzer)
    Snapshot s =
        app(
                "checkout",
                List.of(pod("checkout", "a", waiting("checkout", "CrashLoopBackOff", 1, "Error"))),
                0)
            .build();

    // when
    List<Finding> findings = Findings.of(Analyzers.standard(), s);

    // then
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title()).isEqualTo("checkout is crash-looping");
              assertThat(f.evidence()).contains("0/1 replicas available");
            });
  }

  @Test
  void healthyWorkloadsProduceNothing() {
    Snapshot s = app("web", List.of(pod("web", "a", running("web"))), 1).build();
    assertThat(Findings.of(Analyzers.standard(), s)).isEmpty();
  }

  @Test
  void targetsPickOneObjectAndPodsMeanTheirWorkload() {
    Snapshot s =
        Snapshot.builder()
            .pods(
                List.of(
                    pod("a", "x", waiting("a", "CrashLoopBackOff", 1, "Error")),
                    pod("b", "x", waiting("b", "ImagePullBackOff", null, null))))
            .replicaSets(List.of(Fixtures.replicaSet("a")))
            .build();
    List<Finding> all = Findings.of(Analyzers.standard(), s);
    assertThat(all).hasSize(2);
    assertThat(Findings.about(all, "deploy/a", s))
        .extracting(Finding::title)
        .containsExactly("a is crash-looping");
    assertThat(Findings.about(all, "pod/b-abc-x", s))
        .extracting(Finding::title)
        .containsExactly("b cannot pull its image");
    assertThat(Findings.about(all, "svc/a", s)).isEmpty();
    assertThatThrownBy(() -> Findings.about(all, "widget/a", s))
        .isInstanceOf(KubernetesToolException.class)
        .hasMessageContaining("KIND/NAME");
  }

  @Test
  void mergeKeepsTheWorseSeverityAndAppendsNewEvidenceAndCommands() {
    ObjectRef ref = new ObjectRef("Deployment", "a", "shop");
    Finding first =
        new Finding(Severity.WARNING, ref, "t1", List.of("e1"), "c1", "n1", List.of("x"));
    Finding second =
        new Finding(
            Severity.CRITICAL, ref, "t2", List.of("e1", "e2"), "c2", "n2", List.of("x", "y"));
    Finding merged = first.merge(second);
    assertThat(merged.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(merged.title()).isEqualTo("t1");
    assertThat(merged.evidence()).containsExactly("e1", "e2");
    assertThat(merged.commands()).containsExactly("x", "y");
    assertThat(new ObjectRef("Node", "n", null).ref()).isEqualTo("node/n");
  }
}
