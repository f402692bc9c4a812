package dev.jamiescarlet.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.policy.Decision;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.Golden;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.bot.render.SlackLimits;
import dev.jamiescarlet.tools.actions.Preview;
import dev.jamiescarlet.tools.actions.WorkloadKind;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.kubernetes.Identity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the Block Kit of a {@code limits} proposal: before → after per field, and the restart. */
class LimitsProposalGoldenTest {

  @Test
  void aLimitsProposalRendersAsTheGoldenFileSays() {
    // given a preview of raising api's memory limit, its request lowered to the new cpu limit
    Preview preview =
        new Preview(
            new WriteAction.Limits(WorkloadKind.DEPLOYMENT, "shop", "api", "api", "1Gi", "500m"),
            "demo",
            Identity.of("ada", "shop-operators"),
            String.join(
                "\n",
                "[ {",
                "  \"op\" : \"test\",",
                "  \"path\" : \"/spec/template/spec/containers/0/name\",",
                "  \"value\" : \"api\"",
                "}, {",
                "  \"op\" : \"add\",",
                "  \"path\" : \"/spec/template/spec/containers/0/resources\",",
                "  \"value\" : {",
                "    \"limits\" : { \"memory\" : \"1Gi\", \"cpu\" : \"500m\" },",
                "    \"requests\" : { \"memory\" : \"128Mi\", \"cpu\" : \"500m\" }",
                "  }",
                "} ]"),
            List.of(
                new Preview.Change("memory limit", "256Mi", "1Gi"),
                new Preview.Change("cpu limit", "1", "500m"),
                new Preview.Change("cpu request", "750m", "500m")),
            List.of("shop/api-5c7b9d8f4b-h7kqz", "shop/api-5c7b9d8f4b-p2w9x"),
            "rolling restart of 2 pods (2 replicas): new pods start with the new limits; the cpu"
                + " request 750m is lowered to 500m, the new limit",
            new Preview.DryRun(true, ""));
    Decision allowed = new Decision(true, "bindings[0] (role operator)", "ok", false, List.of());

    // when
    Message proposal =
        ApprovalMessages.proposal(
            preview, "64b7f0c2a1e4d3b2c1a09f8e", "U0ADA", allowed, Duration.ofMinutes(15));
    BlockKitRenderer renderer = new BlockKitRenderer();
    RenderedMessage rendered = renderer.render(proposal);

    // then
    assertThat(proposal.text())
        .isEqualTo("Set limits of deployment shop/api container api to memory 1Gi, cpu 500m?");
    SlackLimits.assertWithin(rendered);
    Golden.assertMatches("proposal-limits", renderer.toJson(rendered));
  }
}
