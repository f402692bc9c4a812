package dev.jamiescarlet.tools.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.actions.WriteAction.Restart;
import dev.jamiescarlet.tools.actions.WriteAction.Scale;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException.Kind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActionsRbacIT {
  static final String DENIED =
      "deployments.apps \"checkout\" is forbidden: User \"ada@example.com\" cannot patch resource"
          + " \"deployments\" in API group \"apps\" in the namespace \"shop\"";
  static final Identity ADA = Identity.of("ada@example.com", "shop-devs", "oncall");

  MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void everyRequestImpersonatesTheActingPerson() throws InterruptedException {
    // given
    drain();

    // when
    actions().execute(null, ADA, new Scale(WorkloadKind.DEPLOYMENT, "shop", "checkout", 4));

    // then
    List<RecordedRequest> requests = drain();
    assertThat(requests)
        .extracting(r -> r.getMethod() + " " + r.getPath())
        .contains(
            "GET /apis/apps/v1/namespaces/shop/deployments/checkout",
            "PATCH /apis/apps/v1/namespaces/shop/deployments/checkout");
    for (RecordedRequest request : requests) {
      assertThat(request.getHeaders().headers("Impersonate-User"))
          .containsExactly("ada@example.com");
      assertThat(request.getHeaders().headers("Impersonate-Group"))
          .containsExactlyInAnyOrder("shop-devs", "oncall");
    }
  }

  @Test
  void readsImpersonateThePersonToo() throws InterruptedException {
    // given reads made as Ada
    drain();
    dev.jamiescarlet.tools.kubernetes.KubernetesReads reads =
        new dev.jamiescarlet.tools.kubernetes.Fabric8KubernetesReads(
            cluster.registry, java.time.Clock.systemUTC());

    // when she lists pods, and the bot does too
    reads.as(ADA).pods(null, "shop", null);
    List<RecordedRequest> hers = drain();
    reads.as(Identity.BOT).pods(null, "shop", null);
    List<RecordedRequest> bots = drain();

    // then only her requests carry the impersonation headers
    assertThat(hers)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getHeader("Impersonate-User")).isEqualTo("ada@example.com"));
    assertThat(bots)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getHeader("Impersonate-User")).isNull());
  }

  @Test
  void theBotsOwnIdentitySendsNoImpersonationHeaders() throws InterruptedException {
    // given
    drain();

    // when
    actions()
        .execute(null, Identity.BOT, new Scale(WorkloadKind.DEPLOYMENT, "shop", "checkout", 4));

    // then
    assertThat(drain()).allSatisfy(r -> assertThat(r.getHeader("Impersonate-User")).isNull());
  }

  @Test
  void aDeniedPatchIsForbiddenWithTheServersMessage() {
    // given
    cluster
        .server
        .expect()
        .patch()
        .withPath("/apis/apps/v1/namespaces/shop/deployments/checkout")
        .andReturn(403, forbidden())
        .always();
    cluster
        .server
        .expect()
        .patch()
        .withPath("/apis/apps/v1/namespaces/shop/deployments/checkout?dryRun=All")
        .andReturn(403, forbidden())
        .always();
    var restart = new Restart(WorkloadKind.DEPLOYMENT, "shop", "checkout");

    // when
    Preview preview = actions().preview("demo", ADA, restart);

    // then
    assertThat(preview.dryRun().passed()).isFalse();
    assertThat(preview.dryRun().message()).contains(DENIED);
    assertThatThrownBy(() -> actions().execute("demo", ADA, restart))
        .isInstanceOfSatisfying(
            KubernetesToolException.class, e -> assertThat(e.kind()).isEqualTo(Kind.FORBIDDEN))
        .hasMessage(
            "`ada@example.com` is not allowed to restart deployment/checkout in namespace `shop`"
                + " on cluster `demo`: "
                + DENIED
                + ". Kubernetes RBAC decides; ask a cluster admin for that permission.");
  }

  @Test
  void impersonatingClientsAreCachedPerIdentity() {
    // when
    var first = cluster.registry.client("demo", ADA);
    var again =
        cluster.registry.client(null, Identity.of("ada@example.com", "shop-devs", "oncall"));
    var other = cluster.registry.client("demo", Identity.of("bob@example.com"));

    // then
    assertThat(again).isSameAs(first);
    assertThat(other).isNotSameAs(first);
    assertThat(cluster.registry.client("demo", Identity.BOT)).isSameAs(cluster.client);
    assertThat(first.getConfiguration().getImpersonateUsername()).isEqualTo("ada@example.com");
  }

  private Actions actions() {
    return cluster.actions;
  }

  private List<RecordedRequest> drain() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest r;
    while ((r = cluster.server.takeRequest(10, java.util.concurrent.TimeUnit.MILLISECONDS))
        != null) {
      requests.add(r);
    }
    return requests;
  }

  private static Status forbidden() {
    return new StatusBuilder().withCode(403).withReason("Forbidden").withMessage(DENIED).build();
  }
}
