package dev.jamiescarlet.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.policy.Decision;
import dev.jamiescarlet.bot.policy.Policy;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.policy.Request;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A refusal names the user with a real mention, escaped once, never twice. */
class RefusalMentionTest {
  private static final String POLICY =
      """
      roles:
        viewer: [read]
        operator: [read, restart]
      bindings:
        - role: viewer
          users: [U0BOB]
        - role: operator
          users: [U0ADA]
      """;

  @Test
  void theRefusedUserIsMentionedNotDoubleEscaped() {
    PolicyEngine engine =
        new PolicyEngine(Policy.parse(POLICY, "policy.yaml"), Duration.ofMinutes(15));
    Decision d = engine.decide(new Request("U0BOB", Set.of(), "C0SHOP", "restart", "demo", "shop"));

    String json =
        new BlockKitRenderer().toJson(new BlockKitRenderer().render(ApprovalMessages.refusal(d)));

    assertThat(json).doesNotContain("&lt;@U0BOB&gt;", "&amp;lt;");
    assertThat(json).contains("Rule: no rule grants `restart` on `demo/shop` to <@U0BOB>.");
    assertThat(json).contains("<@U0ADA>");
  }

  @Test
  void aTypedNamespaceInTheRequestCannotPing() {
    PolicyEngine engine =
        new PolicyEngine(Policy.parse(POLICY, "policy.yaml"), Duration.ofMinutes(15));
    Decision d =
        engine.decide(new Request("U0BOB", Set.of(), "C0SHOP", "restart", "demo", "<!channel>"));

    assertThat(d.reason()).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
  }
}
