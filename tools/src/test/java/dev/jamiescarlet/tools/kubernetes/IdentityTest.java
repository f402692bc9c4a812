package dev.jamiescarlet.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityTest {

  @Test
  void blanksMeanTheBotItself() {
    assertThat(new Identity(" ", null)).isEqualTo(Identity.BOT);
    assertThat(Identity.BOT.isBot()).isTrue();
    assertThat(Identity.BOT.displayName()).isEqualTo("the bot");
    assertThat(new Identity(" ada ", Arrays.asList("devs", null, " ")))
        .isEqualTo(Identity.of("ada", "devs"));
  }

  @Test
  void groupsNeedAUser() {
    assertThatThrownBy(() -> new Identity(null, List.of("devs")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a Kubernetes user");
  }

  @Test
  void aRegistryWithoutImpersonationRefusesRatherThanActingAsTheBot() {
    // given
    ClusterRegistry plain =
        new ClusterRegistry() {
          @Override
          public List<ClusterInfo> clusters() {
            return List.of();
          }

          @Override
          public ClusterInfo resolve(String name) {
            return null;
          }

          @Override
          public io.fabric8.kubernetes.client.KubernetesClient client(String name) {
            return null;
          }

          @Override
          public void close() {}
        };

    // then
    assertThat(plain.client("c", Identity.BOT)).isNull();
    assertThatThrownBy(() -> plain.client("c", Identity.of("ada")))
        .isInstanceOfSatisfying(
            KubernetesToolException.class,
            e -> assertThat(e.kind()).isEqualTo(KubernetesToolException.Kind.INVALID_REQUEST))
        .hasMessageContaining("cannot act as `ada`");
  }
}
