package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With an agent available, which lines stay commands and which become open questions. */
class CommandRunnerRoutingTest {
  private final FakeCluster cluster = new FakeCluster();
  private final List<String> asked = new ArrayList<>();
  private PlainEnglish.Understanding answer = new PlainEnglish.Nothing();
  private boolean agent = true;
  private final CommandRunner runner =
      new CommandRunner(
          Commands.standard(),
          (text, context) -> {
            asked.add(text);
            return answer;
          },
          () -> agent);

  @Test
  void commandsAndConfidentRoutesStayCommands() {
    answer = new PlainEnglish.Run("pods -n shop", 0.93);

    CommandRunner.Routing typed = runner.route("pods -n shop", cluster.context());
    CommandRunner.Routing routed = runner.route("what's running in shop", cluster.context());

    assertThat(typed).isInstanceOf(CommandRunner.Routing.Reply.class);
    assertThat(routed).isInstanceOf(CommandRunner.Routing.Reply.class);
    assertThat(cluster.calls).hasSize(2);
  }

  @Test
  void anUnsureOrUnknownLineIsAnOpenQuestionAndRunsNothingUntilTheFallbackIsAsked() {
    answer = new PlainEnglish.Unsure("logs", List.of("logs deploy/checkout -n shop"));

    CommandRunner.Routing open = runner.route("tell me about the shop", cluster.context());

    assertThat(open).isInstanceOf(CommandRunner.Routing.Open.class);
    assertThat(((CommandRunner.Routing.Open) open).line()).isEqualTo("tell me about the shop");
    assertThat(cluster.calls).isEmpty();
    // the deterministic answer, should no agent answer after all, is the router's offer
    assertThat(((CommandRunner.Routing.Open) open).fallback().get().toString())
        .contains("logs deploy/checkout -n shop");
  }

  @Test
  void aWhyQuestionGoesToTheAgentEvenWhenTheRouterIsSure() {
    answer = new PlainEnglish.Run("diagnose deploy/checkout -n shop", 0.95);

    CommandRunner.Routing open = runner.route("why is checkout crashing?", cluster.context());

    assertThat(open).isInstanceOf(CommandRunner.Routing.Open.class);
    assertThat(asked).isEmpty();
    assertThat(cluster.calls).isEmpty();
  }

  @Test
  void withoutAnAgentTheSameLinesGetTheDeterministicAnswers() {
    agent = false;
    answer = new PlainEnglish.Nothing();

    assertThat(runner.route("why is checkout crashing?", cluster.context()))
        .isInstanceOf(CommandRunner.Routing.Reply.class);
    assertThat(runner.run("tell me about the shop", cluster.context()).toString())
        .contains("I won't guess");
  }

  @Test
  void withAnAgentButNoRouterAnOpenQuestionFallsBackToAnHonestAnswer() {
    CommandRunner noRouter = new CommandRunner(Commands.standard(), null, () -> true);

    CommandRunner.Routing open = noRouter.route("how come catalog restarts", cluster.context());

    assertThat(open).isInstanceOf(CommandRunner.Routing.Open.class);
    assertThat(((CommandRunner.Routing.Open) open).fallback().get().toString())
        .contains("I need a language model for that");
  }
}
