package dev.jamiescarlet.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolErrorsTest {

  @Test
  void eachKindTellsTheModelHowToCorrectTheCall() {
    // when / then
    assertThat(ToolErrors.hint(new KubernetesToolException(Kind.FORBIDDEN, "no"), List.of()))
        .contains("do not retry");
    assertThat(ToolErrors.hint(new KubernetesToolException(Kind.NOT_FOUND, "x"), List.of("a")))
        .isEqualTo("Close names: a.");
    assertThat(ToolErrors.hint(new KubernetesToolException(Kind.NOT_FOUND, "x"), List.of()))
        .contains("list_pods");
    assertThat(ToolErrors.hint(new KubernetesToolException(Kind.TIMEOUT, "slow"), List.of()))
        .contains("retry at most once");
    assertThat(ToolErrors.hint(new IllegalArgumentException("bad"), List.of()))
        .contains("Check the arguments");
  }

  @Test
  void closeNamesAreTheFewNearestOnes() {
    // when
    List<String> close =
        ToolErrors.closest(
            "chekout", List.of("checkout", "checkout-worker", "frontend", "chekout", "search"));

    // then
    assertThat(close).containsExactly("checkout");
    assertThat(ToolErrors.closest("checkout", List.of("cart", "checkout-worker")))
        .containsExactly("checkout-worker");
    assertThat(ToolErrors.closest("", List.of("a"))).isEmpty();
  }
}
