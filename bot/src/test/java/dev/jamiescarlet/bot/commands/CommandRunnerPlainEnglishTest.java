package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandRunnerPlainEnglishTest {
  private final FakeCluster cluster = new FakeCluster();
  private final List<String> asked = new ArrayList<>();
  private PlainEnglish.Understanding answer = new PlainEnglish.Nothing();
  private final CommandRunner runner =
      new CommandRunner(
          Commands.standard(),
          (text, context) -> {
            asked.add(text);
            return answer;
          });

  private static String allText(Message m) {
    return m.blocks().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void aConfidentRouteRunsTheCommandAndSaysHowItReadTheLine() {
    // given a router sure that the line means pods in shop
    answer = new PlainEnglish.Run("pods -n shop", 0.93);

    // when someone asks in English, with an apostrophe the command grammar would reject
    Message m = runner.run("what's running in shop?", cluster.context());

    // then the pods command ran and the reply says how the line was read
    assertThat(asked).containsExactly("what's running in shop?");
    assertThat(cluster.calls).contains("pods demo shop null");
    assertThat(m.blocks().get(0))
        .isEqualTo(new Block.Context(List.of("I read that as `pods -n shop`")));
    assertThat(allText(m)).contains("checkout");
  }

  @Test
  void anUnsureRouteRunsNothingAndOffersTheClosestCommandsAsButtons() {
    answer =
        new PlainEnglish.Unsure(
            "logs, for a workload I couldn't find",
            List.of("logs deploy/checkout -n shop", "logs deploy/catalog -n shop"));

    Message m = runner.run("show me the logs please", cluster.context());

    assertThat(cluster.calls).isEmpty();
    assertThat(allText(m)).contains("I understood: logs, for a workload I couldn't find");
    Block.Actions actions =
        m.blocks().stream()
            .filter(Block.Actions.class::isInstance)
            .map(Block.Actions.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(actions.buttons())
        .extracting(Block.Button::actionId, Block.Button::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "run:logs deploy/checkout -n shop", "logs deploy/checkout -n shop"),
            org.assertj.core.groups.Tuple.tuple(
                "run:logs deploy/catalog -n shop", "logs deploy/catalog -n shop"));
  }

  @Test
  void nothingCloseSaysSoWithoutGuessing() {
    Message m = runner.run("what's the weather like", cluster.context());

    assertThat(allText(m)).contains("I don't have a command for that, and I won't guess.");
    assertThat(cluster.calls).isEmpty();
  }

  @Test
  void aBrokenRouterFallsBackToTheHonestAnswer() {
    CommandRunner broken =
        new CommandRunner(
            Commands.standard(),
            (text, context) -> {
              throw new IllegalStateException("model not loaded");
            });

    Message m = broken.run("why is checkout failing", cluster.context());

    assertThat(allText(m)).contains("I won't guess");
  }

  @Test
  void aSingleMistypedVerbStillGetsDidYouMean() {
    Message m = runner.run("podz", cluster.context());

    assertThat(asked).isEmpty();
    assertThat(allText(m)).contains("Did you mean `pods`?");
  }

  @Test
  void aVerbFollowedByEnglishIsInterpretedWhenItIsNotTheGrammar() {
    answer = new PlainEnglish.Run("restart deploy/checkout -n shop", 0.9);

    Message m = runner.run("restart checkout in shop please", cluster.context());

    assertThat(asked).containsExactly("restart checkout in shop please");
    assertThat(m.blocks().get(0))
        .isEqualTo(new Block.Context(List.of("I read that as `restart deploy/checkout -n shop`")));
  }

  @Test
  void aVerbWithBadArgumentsKeepsItsUsageWhenTheEnglishMeansNothing() {
    Message m = runner.run("logs of all the things today", cluster.context());

    assertThat(asked).hasSize(1);
    assertThat(allText(m)).contains("Usage: `logs").doesNotContain("won't guess");
  }

  @Test
  void aMistypedVerbWithOptionsIsATypoNotEnglish() {
    Message m = runner.run("podz -n shop", cluster.context());

    assertThat(asked).isEmpty();
    assertThat(allText(m)).contains("Did you mean `pods`?");
  }

  @Test
  void commandsAreNeverRouted() {
    runner.run("pods -n shop", cluster.context());

    assertThat(asked).isEmpty();
  }
}
