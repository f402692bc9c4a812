package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Home tab shows why a cluster cannot be read, without credentials in its API server URL. */
class AppHomeUrlsTest {

  @SuppressWarnings("unchecked")
  private static <T> T stub(Class<T> type, java.util.function.Function<String, Object> answer) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> answer.apply(m.getName()));
  }

  @Test
  void anUnreachableClustersReasonIsShownWithoutItsCredentials() {
    // given a cluster whose reads fail with its API server URL, user and password in the message
    ClusterRegistry clusters =
        stub(
            ClusterRegistry.class,
            method ->
                method.equals("clusters")
                    ? List.of(
                        new ClusterInfo(
                            "prod", "https://10.0.0.1:6443", "kubeconfig", "default", true))
                    : null);
    KubernetesReads reads =
        stub(
            KubernetesReads.class,
            method -> {
              throw new KubernetesToolException(
                  KubernetesToolException.Kind.UNREACHABLE,
                  "cannot reach cluster `prod` at https://admin:hunter2@10.0.0.1:6443/api/v1/pods");
            });

    // when
    Message home = new AppHome(clusters, reads, new BlockKitRenderer()).content();

    // then
    String shown = home.toString();
    assertThat(shown).contains("cannot reach cluster `prod` at https://10.0.0.1:6443/api/v1/pods");
    assertThat(shown).doesNotContain("hunter2", "admin");
  }
}
