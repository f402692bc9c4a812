package dev.jamiescarlet.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.policy.Decision;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.Golden;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.bot.render.SlackLimits;
import dev.jamiescarlet.tools.actions.Actions;
import dev.jamiescarlet.tools.actions.Preview;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.argocd.ArgoCdClient;
import dev.jamiescarlet.tools.argocd.local.LocalArgoCd;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the Block Kit of an Argo CD sync proposal, previewed by {@link Actions} against the local
 * Argo CD: the state before → after, the objects out of sync, Argo CD's dry run, the bot's token.
 */
class ArgoProposalGoldenTest {

  @Test
  void anArgoCdSyncProposalRendersAsTheGoldenFileSays() {
    // given a preview of syncing checkout with prune
    Preview preview;
    try (LocalArgoCd argo = LocalArgoCd.start();
        ArgoCdClient client = new ArgoCdClient(argo.settings());
        KubeconfigClusterRegistry none = KubeconfigClusterRegistry.of(Map.of(), null, "none")) {
      preview =
          new Actions(none, Clock.systemUTC(), client)
              .preview(
                  "in-cluster", null, new WriteAction.ArgoSync("checkout", "shop", true, false));
    }
    Decision allowed = new Decision(true, "bindings[0] (role operator)", "ok", false, List.of());

    // when
    Message proposal =
        ApprovalMessages.proposal(
            preview, "64b7f0c2a1e4d3b2c1a09f8e", "U0ADA", allowed, Duration.ofMinutes(15));
    BlockKitRenderer renderer = new BlockKitRenderer();
    RenderedMessage rendered = renderer.render(proposal);

    // then
    assertThat(proposal.text()).isEqualTo("Sync Argo CD application checkout with prune?");
    assertThat(proposal.blocks().toString())
        .contains("Argo CD accepted a dry run", "runs as the bot's own identity");
    SlackLimits.assertWithin(rendered);
    Golden.assertMatches("proposal-argocd-sync", renderer.toJson(rendered));
  }
}
