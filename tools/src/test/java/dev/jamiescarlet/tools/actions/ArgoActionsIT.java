package dev.jamiescarlet.tools.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.tools.actions.WriteAction.ArgoAutoSync;
import dev.jamiescarlet.tools.actions.WriteAction.ArgoRollback;
import dev.jamiescarlet.tools.actions.WriteAction.ArgoSync;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Identity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Argo CD actions previewed and executed by {@link Actions} against the local Argo CD. */
class ArgoActionsIT {
  // Argo CD actions never reach the cluster registry: any use of it fails the test
  private static final ClusterRegistry NO_CLUSTERS =
      new ClusterRegistry() {
        @Override
        public List<ClusterInfo> clusters() {
          throw new AssertionError("Argo CD actions must not list clusters");
        }

        @Override
        public ClusterInfo resolve(String name) {
          throw new AssertionError("Argo CD actions must not resolve " + name);
        }

        @Override
        public KubernetesClient client(String name) {
          throw new AssertionError("Argo CD actions must not open a client for " + name);
        }

        @Override
        public void close() {}
      };

  private final LocalArgoCd argo = LocalArgoCd.start();
  private final ArgoCdClient client = new ArgoCdClient(argo.settings());
  private final Actions actions = new Actions(NO_CLUSTERS, Clock.systemUTC(), client);

  @AfterEach
  void stop() {
    client.close();
    argo.close();
  }

  @Test
  void aSyncPreviewShowsTheStateTheDiffAndArgoCdsDryRunWithoutSyncing() {
    // when
    Preview p =
        actions.preview(
            "in-cluster", Identity.of("ada"), new ArgoSync("checkout", "shop", true, false));

    // then
    assertThat(p.cluster()).isEqualTo("in-cluster");
    assertThat(p.actingAs().isBot()).isTrue();
    assertThat(p.changes()).extracting(Preview.Change::line).contains("sync: OutOfSync → Synced");
    assertThat(p.change())
        .contains(
            "prune=true", "Out of sync: 2 of 3 managed objects", "ConfigMap shop/checkout-config");
    assertThat(p.impact()).contains("bot's Argo CD token");
    assertThat(p.dryRun().passed()).isTrue();
    assertThat(p.dryRun().message()).contains("Argo CD accepted a dry run");
    assertThat(argo.requests("POST", "/sync"))
        .singleElement()
        .satisfies(r -> assertThat(r.body().path("dryRun").asBoolean()).isTrue());
  }

  @Test
  void executingARollbackSendsItAndSaysWhatRan() {
    // when
    Result r = actions.execute("in-cluster", null, new ArgoRollback("checkout", "shop", 1));

    // then
    assertThat(r.message()).startsWith("Argo CD rolled back checkout to 1b7d9e3");
    assertThat(argo.requests("POST", "/checkout/rollback"))
        .singleElement()
        .satisfies(req -> assertThat(req.body().path("id").asLong()).isEqualTo(1));
  }

  @Test
  void turningAutoSyncOffPatchesTheSpec() {
    // when
    Result r = actions.execute("prod-eu", null, new ArgoAutoSync("catalog", "shop", false));

    // then
    assertThat(r.message()).isEqualTo("Auto-sync is off for catalog.");
    assertThat(argo.application("catalog").path("spec").path("syncPolicy").has("automated"))
        .isFalse();
  }

  @Test
  void anUnknownHistoryIdIsRefusedInThePreview() {
    assertThatThrownBy(
            () -> actions.preview("in-cluster", null, new ArgoRollback("checkout", "shop", 9)))
        .isInstanceOf(ArgoCdException.class)
        .hasMessageContaining("no deployment with history id 9");
  }

  @Test
  void withoutArgoCdTheErrorNamesTheSetting() {
    Actions none = new Actions(NO_CLUSTERS, Clock.systemUTC());

    assertThatThrownBy(
            () -> none.execute("x", null, new ArgoSync("checkout", "shop", false, false)))
        .isInstanceOf(ArgoCdException.class)
        .hasMessageContaining("JAMIE_ARGOCD_URL");
  }
}
