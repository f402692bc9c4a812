package dev.jamiescarlet.bot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Fuzz target for the policy loader: any file is a policy or a {@link PolicyException} whose every
 * line names the file, never another exception and never a hang on an alias bomb. Seeds replay in
 * every build; {@code bench/fuzz.sh} fuzzes.
 */
class PolicyFuzzTest {

  @FuzzTest
  void parseGivesAPolicyOrAPolicyException(byte[] input) {
    // given any policy file
    String yaml = new String(input, StandardCharsets.UTF_8);

    // when loaded
    Policy policy;
    try {
      policy = Policy.parse(yaml, "policy.yaml");
    } catch (PolicyException e) {
      // then each problem is one line naming the file
      assertThat(e.problems()).isNotEmpty().allMatch(p -> p.startsWith("policy.yaml: "));
      return;
    }

    // then a policy that loads can answer a request
    Decision decision =
        new PolicyEngine(policy, Duration.ofMinutes(15))
            .decide(new Request("U0ANY", Set.of("S0ANY"), "C0ANY", "restart", "prod", "shop"));
    assertThat(decision).isNotNull();
  }
}
