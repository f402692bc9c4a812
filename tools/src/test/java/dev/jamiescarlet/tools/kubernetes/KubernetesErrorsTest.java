package dev.jamiescarlet.tools.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesErrorsTest {
  private static final ClusterInfo PROD =
      new ClusterInfo("prod", "https://prod.example:6443", "test", "default", true);

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503, 504})
  void anOverloadedApiServerIsSaidToBeSoNamingTheCluster(int code) {
    // given the API server answered a transient failure
    KubernetesClientException error =
        new KubernetesClientException(
            "Failure executing: GET",
            code,
            new StatusBuilder().withCode(code).withMessage("etcdserver: leader changed").build());

    // when it is mapped
    KubernetesToolException mapped = KubernetesErrors.map(error, PROD, "shop", "pods");

    // then it is a retry-later failure that names the cluster and the answer
    assertThat(mapped.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(mapped.getMessage())
        .isEqualTo(
            "cluster `prod` answered HTTP "
                + code
                + " (etcdserver: leader changed) while reading pods in namespace `shop`; its API"
                + " server is overloaded or restarting.");
  }

  @ParameterizedTest
  @ValueSource(ints = {503})
  void aWholeHtmlPageFromAProxyIsCutShort(int code) {
    // given a proxy in front of the API server answered a long HTML page
    String page = "<html>\n<body>" + "x".repeat(5_000) + "</body></html>";
    KubernetesClientException error =
        new KubernetesClientException(
            page, code, new StatusBuilder().withCode(code).withMessage(page).build());

    // when it is mapped, then the message keeps the start only
    String message = KubernetesErrors.map(error, PROD, null, "nodes").getMessage();
    assertThat(message).hasSizeLessThan(400).contains("(<html> <body>xxx").contains("…)");
  }
}
