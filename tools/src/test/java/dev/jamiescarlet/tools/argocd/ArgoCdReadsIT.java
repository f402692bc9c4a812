package dev.jamiescarlet.tools.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArgoCdReadsIT {
  private LocalArgoCd argo;
  private ArgoCdClient client;

  @BeforeEach
  void start() {
    argo = LocalArgoCd.start();
    client = new ArgoCdClient(argo.settings());
  }

  @AfterEach
  void stop() {
    client.close();
    argo.close();
  }

  @Test
  void applicationsListsBothAppsByNameWithSourceDestinationAndStatus() {
    // when
    List<AppSummary> apps = client.applications(null);

    // then
    assertThat(apps)
        .containsExactly(
            new AppSummary(
                "catalog",
                "shop",
                "shop",
                "prod-eu",
                "https://git.example/shop/deploy.git",
                "apps/catalog/overlays/prod",
                "main",
                "Synced",
                "Healthy",
                LocalArgoCd.HEAD,
                true),
            new AppSummary(
                "checkout",
                "shop",
                "shop",
                "https://kubernetes.default.svc",
                "https://git.example/shop/deploy.git",
                "apps/checkout/overlays/prod",
                "main",
                "OutOfSync",
                "Degraded",
                LocalArgoCd.HEAD,
                false));
    assertThat(argo.requests().get(0).authorization()).isEqualTo("Bearer " + LocalArgoCd.TOKEN);
  }

  @Test
  void applicationsOfAProjectSendTheProjectsParameter() {
    // when
    List<AppSummary> shop = client.applications("shop");
    List<AppSummary> other = client.applications("payments");

    // then
    assertThat(shop).hasSize(2);
    assertThat(other).isEmpty();
    assertThat(argo.requests("GET", "/api/v1/applications"))
        .extracting(LocalArgoCd.RecordedRequest::query)
        .containsExactly("projects=shop", "projects=payments");
  }

  @Test
  void applicationHasHealthMessageConditionsOperationAndHistoryNewestFirst() {
    // when
    AppDetail checkout = client.application("checkout");

    // then
    assertThat(checkout.summary().name()).isEqualTo("checkout");
    assertThat(checkout.healthMessage())
        .isEqualTo("Deployment \"checkout\" exceeded its progress deadline");
    assertThat(checkout.conditions())
        .containsExactly(
            new AppDetail.Condition(
                "OrphanedResourceWarning", "Application has 1 orphaned resources"));
    assertThat(checkout.operation())
        .isEqualTo(
            new AppDetail.Operation(
                "Succeeded",
                "successfully synced (all tasks run)",
                "2026-11-21T20:40:51Z",
                "2026-11-21T20:41:07Z"));
    assertThat(checkout.history()).extracting(HistoryEntry::id).containsExactly(3L, 2L, 1L);
    assertThat(checkout.history().get(0))
        .isEqualTo(
            new HistoryEntry(
                3,
                "3e5a7c9b1d2f4a6c8e0b2d4f6a8c1e3b5d7f9a20",
                Instant.parse("2026-11-21T20:41:07Z"),
                new AppSource(
                    "https://git.example/shop/deploy.git", "apps/checkout/overlays/prod", "main")));
    assertThat(checkout.reconciledAt()).isEqualTo("2026-11-21T21:58:02Z");
  }

  @Test
  void historyIsTheApplicationsStatusHistoryNewestFirst() {
    // when
    List<HistoryEntry> history = client.history("catalog");

    // then
    assertThat(history).extracting(HistoryEntry::id).containsExactly(8L, 7L);
    assertThat(history.get(1).revision()).isEqualTo("6f2b8d0a4c6e8f1b3d5a7c9e0f2a4c6e8b0d1f35");
  }

  @Test
  void resourceTreeHasChildrenWithHealthAndManagedObjectsWithSyncStatus() {
    // when
    List<ResourceNode> nodes = client.resourceTree("checkout");

    // then
    assertThat(nodes)
        .contains(
            new ResourceNode(
                "apps",
                "Deployment",
                "shop",
                "checkout",
                "Degraded",
                "Deployment \"checkout\" exceeded its progress deadline",
                "OutOfSync"),
            new ResourceNode("", "Service", "shop", "checkout", "Healthy", "", "Synced"));
    assertThat(nodes)
        .filteredOn(n -> n.kind().equals("Pod") && n.health().equals("Degraded"))
        .singleElement()
        .satisfies(
            pod -> {
              assertThat(pod.name()).isEqualTo("checkout-7d9f8b6c5-q7m4t");
              assertThat(pod.healthMessage()).contains("back-off 5m0s restarting failed container");
              assertThat(pod.status()).isEmpty();
            });
    assertThat(argo.requests("GET", "/resource-tree")).hasSize(1);
  }

  @Test
  void managedResourcesDiffLiveAgainstTargetWithoutServerFields() {
    // when
    List<ResourceDiff> diffs = client.managedResources("checkout");

    // then
    assertThat(diffs)
        .extracting(ResourceDiff::kind)
        .containsExactly("ConfigMap", "Service", "Deployment");
    ResourceDiff deployment = diffs.get(2);
    assertThat(deployment.modified()).isTrue();
    assertThat(deployment.diff())
        .startsWith("--- live/Deployment/shop/checkout\n+++ target/Deployment/shop/checkout\n@@ ")
        .contains("\n-        - image: registry.example/shop/checkout:2.4.0\n")
        .contains("\n+        - image: registry.example/shop/checkout:2.4.1\n");
    assertThat(deployment.live())
        .contains("replicas: 3")
        .doesNotContain("managedFields", "resourceVersion", "readyReplicas", "last-applied");
    ResourceDiff service = diffs.get(1);
    assertThat(service.modified()).isFalse();
    assertThat(service.live()).isEqualTo(service.target());
    ResourceDiff configMap = diffs.get(0);
    assertThat(configMap.live()).isEmpty();
    assertThat(configMap.diff()).contains("@@ -0,0 +1,").contains("+  CACHE_TTL: 300s\n");
  }

  @Test
  void refreshSendsNormalOrHardAndReturnsTheReconciledApp() {
    // when
    AppSummary normal = client.refresh("checkout", false);
    AppSummary hard = client.refresh("checkout", true);

    // then
    assertThat(normal.name()).isEqualTo("checkout");
    assertThat(hard.syncStatus()).isEqualTo("OutOfSync");
    assertThat(argo.requests("GET", "/api/v1/applications/checkout"))
        .extracting(LocalArgoCd.RecordedRequest::query)
        .containsExactly("refresh=normal", "refresh=hard");
    assertThat(argo.application("checkout").path("status").path("reconciledAt").asText())
        .isNotEqualTo("2026-11-21T21:58:02Z");
  }
}
