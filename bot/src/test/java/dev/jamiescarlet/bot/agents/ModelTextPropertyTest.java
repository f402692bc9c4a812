package dev.jamiescarlet.bot.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.render.Cases;
import dev.jamiescarlet.bot.render.HostileStrings;
import dev.jamiescarlet.bot.render.SlackTextOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** No model output can ping or link except through the link builder's checked links. */
class ModelTextPropertyTest {

  @Test
  void modelOutputCannotPingOrForgeLinks() {
    List<String> edges = new ArrayList<>(HostileStrings.edgeCases());
    for (String url : HostileStrings.edgeCases()) {
      edges.add("see [Grafana](" + url + ") now");
      edges.add("[" + url.replace("]", "") + "](https://grafana.example/d)");
    }
    Cases.check(
        "modelOutputCannotPingOrForgeLinks",
        edges,
        5_000,
        ModelTextPropertyTest::answer,
        answer ->
            assertThat(SlackTextOracle.formattedProblems(ModelText.toMrkdwn(answer))).isEmpty());
  }

  // Markdown links with hostile labels and URLs, between hostile prose
  private static String answer(SplittableRandom r) {
    int parts = HostileStrings.size(r, 6);
    List<String> out = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      out.add(
          r.nextBoolean()
              ? HostileStrings.any(r)
              : "[" + HostileStrings.any(r).replace("]", "") + "](" + HostileStrings.urls(r) + ")");
    }
    return String.join(" ", out);
  }
}
