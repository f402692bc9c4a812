package dev.jamiescarlet.tools.argocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jamiescarlet.tools.argocd.ArgoCdException.Kind;
import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArgoCdWritesIT {
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
  void dryRunSyncSendsDryRunAndChangesNothing() {
    // when
    OperationResult result = client.sync("checkout", false, true, null);

    // then
    JsonNode sent = argo.requests("POST", "/checkout/sync").get(0).body();
    assertThat(sent.path("dryRun").asBoolean()).isTrue();
    assertThat(sent.path("prune").asBoolean()).isFalse();
    assertThat(sent.path("name").asText()).isEqualTo("checkout");
    assertThat(sent.has("revision")).isFalse();
    assertThat(result.dryRun()).isTrue();
    assertThat(result.phase()).isEqualTo("Succeeded");
    assertThat(result.resources())
        .extracting(OperationResult.ResourceResult::message)
        .contains("deployment.apps/checkout configured (dry run)");
    assertThat(client.application("checkout").summary().syncStatus()).isEqualTo("OutOfSync");
  }

  @Test
  void syncToARevisionWithPruneDeploysItAndAddsHistory() {
    // when
    OperationResult result = client.sync("checkout", true, false, "v2.4.1");

    // then
    JsonNode sent = argo.requests("POST", "/checkout/sync").get(0).body();
    assertThat(sent.path("revision").asText()).isEqualTo("v2.4.1");
    assertThat(sent.path("prune").asBoolean()).isTrue();
    assertThat(sent.path("dryRun").asBoolean()).isFalse();
    assertThat(result)
        .extracting(OperationResult::operation, OperationResult::revision, OperationResult::phase)
        .containsExactly("sync", "v2.4.1", "Succeeded");
    AppDetail after = client.application("checkout");
    assertThat(after.summary().syncStatus()).isEqualTo("Synced");
    assertThat(after.history().get(0).id()).isEqualTo(4);
    assertThat(client.managedResources("checkout")).noneMatch(ResourceDiff::modified);
  }

  @Test
  void rollbackSendsTheHistoryIdAndDeploysThatRevision() {
    // when
    OperationResult result = client.rollback("checkout", 2, false, false);

    // then
    JsonNode sent = argo.requests("POST", "/checkout/rollback").get(0).body();
    assertThat(sent.path("id").isNumber()).isTrue();
    assertThat(sent.path("id").asLong()).isEqualTo(2);
    assertThat(sent.path("dryRun").asBoolean()).isFalse();
    assertThat(sent.path("prune").asBoolean()).isFalse();
    assertThat(result.operation()).isEqualTo("rollback");
    assertThat(result.revision()).isEqualTo("8a0f2c4e6b8d1f3a5c7e9b2d4f6a8c0e1b3d5f72");
    assertThat(client.history("checkout").get(0).revision())
        .isEqualTo("8a0f2c4e6b8d1f3a5c7e9b2d4f6a8c0e1b3d5f72");
  }

  @Test
  void dryRunRollbackSendsDryRunAndKeepsHistory() {
    // when
    OperationResult result = client.rollback("checkout", 1, true, true);

    // then
    JsonNode sent = argo.requests("POST", "/checkout/rollback").get(0).body();
    assertThat(sent.path("dryRun").asBoolean()).isTrue();
    assertThat(sent.path("prune").asBoolean()).isTrue();
    assertThat(result.dryRun()).isTrue();
    assertThat(client.history("checkout")).hasSize(3);
  }

  @Test
  void rollbackWithAutoSyncOnIsRefusedBeforeAnyRollbackCall() {
    // when / then
    assertThatThrownBy(() -> client.rollback("catalog", 7, false, false))
        .isInstanceOfSatisfying(
            ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTO_SYNC_ON))
        .hasMessageContaining("auto-sync is on for `catalog`")
        .hasMessageContaining("turn auto-sync off first")
        .hasMessageContaining("spec.syncPolicy.automated")
        .hasMessageContaining("{\"spec\":{\"syncPolicy\":{\"automated\":null}}}")
        .hasMessageContaining("`argocd app set catalog --sync-policy none`");
    assertThat(argo.requests("POST", "/rollback")).isEmpty();
  }

  @Test
  void rollbackToAnUnknownHistoryIdListsTheKnownOnes() {
    // when / then
    assertThatThrownBy(() -> client.rollback("checkout", 9, false, false))
        .isInstanceOfSatisfying(
            ArgoCdException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
        .hasMessage(
            "`checkout` has no deployment with history id 9; its history ids are 3, 2, 1"
                + " (`history checkout` shows them)");
    assertThat(argo.requests("POST", "/rollback")).isEmpty();
  }

  @Test
  void turningAutoSyncOffThenRollingBackWorks() {
    // when
    AppSummary off = client.setAutoSync("catalog", false);
    OperationResult result = client.rollback("catalog", 7, false, false);

    // then
    JsonNode patch = argo.requests("PATCH", "/api/v1/applications/catalog").get(0).body();
    assertThat(patch.path("patchType").asText()).isEqualTo("merge");
    assertThat(patch.path("patch").asText())
        .isEqualTo("{\"spec\":{\"syncPolicy\":{\"automated\":null}}}");
    assertThat(off.autoSync()).isFalse();
    assertThat(result.phase()).isEqualTo("Succeeded");
    assertThat(argo.application("catalog").path("spec").path("syncPolicy").has("syncOptions"))
        .isTrue();
  }

  @Test
  void turningAutoSyncOnSetsTheAutomatedField() {
    // when
    AppSummary on = client.setAutoSync("checkout", true);

    // then
    assertThat(on.autoSync()).isTrue();
    assertThat(argo.application("checkout").path("spec").path("syncPolicy").path("automated"))
        .hasToString("{\"prune\":false,\"selfHeal\":false}");
  }
}
