package dev.jamiescarlet.bot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.render.HostileStrings;
import dev.jamiescarlet.bot.render.SlackTextOracle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** No model output can ping or link except through the link builder's checked links. */
class ModelTextPropertyTest {

  @Property(tries = 5_000)
  void modelOutputCannotPingOrForgeLinks(@ForAll("answers") String answer) {
    assertThat(SlackTextOracle.formattedProblems(ModelText.toMrkdwn(answer))).as(answer).isEmpty();
  }

  @Provide
  Arbitrary<String> answers() {
    // Markdown links with hostile labels and URLs, between hostile prose
    Arbitrary<String> link =
        net.jqwik.api.Combinators.combine(HostileStrings.any(), HostileStrings.urls())
            .as((label, url) -> "[" + label.replace("]", "") + "](" + url + ")");
    return Arbitraries.oneOf(HostileStrings.any(), link)
        .list()
        .ofMaxSize(6)
        .map(parts -> String.join(" ", parts));
  }
}
