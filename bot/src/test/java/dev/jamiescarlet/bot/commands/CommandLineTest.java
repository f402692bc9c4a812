package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final Syntax LOGS =
      Syntax.of("logs")
          .arg("POD|deploy/NAME")
          .namespace()
          .option("tail", null, "N")
          .flag("previous", "p")
          .option("container", "c", "CONTAINER")
          .cluster()
          .build();

  @Test
  void slackFormattingIsUndone() {
    // given text as Slack delivers it: a leading mention, escapes, smart quotes, an auto-link
    String raw =
        "<@U0JAMIE> pods -l \u201capp=checkout\u201d -n shop &amp;&amp; <http://shop.io|shop.io>";

    // when normalised and tokenised
    List<String> tokens = CommandLine.tokenize(CommandLine.normalise(raw));

    // then it reads as typed
    assertThat(tokens).containsExactly("pods", "-l", "app=checkout", "-n", "shop", "&&", "shop.io");
  }

  @Test
  void userMentionsInsideTheTextAreKept() {
    assertThat(CommandLine.normalise("audit --user <@U0ADA>")).isEqualTo("audit --user <@U0ADA>");
  }

  @Test
  void optionsFlagsAndArgumentsParse() {
    // when every option form is used
    Invocation inv =
        CommandLine.parse(
            LOGS,
            List.of(
                "logs", "deploy/checkout", "-n", "shop", "--tail=20", "-p", "--container", "app"),
            null);

    // then each lands where it belongs
    assertThat(inv.arg(0)).isEqualTo("deploy/checkout");
    assertThat(inv.option("namespace")).isEqualTo("shop");
    assertThat(inv.option("tail")).isEqualTo("20");
    assertThat(inv.option("container")).isEqualTo("app");
    assertThat(inv.flag("previous")).isTrue();
    assertThat(inv.option("cluster")).isNull();
  }

  @Test
  void unknownOptionSuggestsTheClosest() {
    assertThatThrownBy(() -> CommandLine.parse(LOGS, List.of("logs", "x", "--previuos"), null))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("has no option `--previuos`")
        .hasMessageContaining("Did you mean `--previous`?")
        .extracting(e -> ((UsageException) e).usage())
        .isEqualTo("logs POD|deploy/NAME [-n NS] [--tail N] [-p] [-c CONTAINER] [--cluster C]");
  }

  @Test
  void missingValueMissingArgumentAndExtraArgumentAreExplained() {
    assertThatThrownBy(() -> CommandLine.parse(LOGS, List.of("logs", "x", "-n"), null))
        .hasMessage("`-n` needs a value (NS)");
    assertThatThrownBy(() -> CommandLine.parse(LOGS, List.of("logs"), null))
        .hasMessage("`logs` needs POD|deploy/NAME");
    assertThatThrownBy(() -> CommandLine.parse(LOGS, List.of("logs", "a", "b"), null))
        .hasMessageContaining("takes at most 1 argument(s); I don't know what to do with `b`");
    assertThatThrownBy(() -> CommandLine.parse(LOGS, List.of("logs", "a", "--previous=yes"), null))
        .hasMessageContaining("takes no value");
  }

  @Test
  void unclosedQuoteIsAnError() {
    assertThatThrownBy(() -> CommandLine.tokenize("pods -l \"app=x"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("never closed");
  }

  @Test
  void negativeNumbersAreArguments() {
    Syntax s = Syntax.of("scale").arg("N").build();
    assertThat(CommandLine.parse(s, List.of("scale", "-1"), null).arg(0)).isEqualTo("-1");
  }

  @Test
  void suggestionsCatchTyposButNotNonsense() {
    List<String> verbs = List.of("pods", "deployments", "describe", "logs", "events", "help");
    assertThat(Suggestions.closest("podz", verbs)).contains("pods");
    assertThat(Suggestions.closest("lgos", verbs)).contains("logs");
    assertThat(Suggestions.closest("deploy", verbs)).contains("deployments");
    assertThat(Suggestions.closest("evnets", verbs)).contains("events");
    assertThat(Suggestions.closest("kubernetes", verbs)).isEmpty();
    assertThat(Suggestions.closest("", verbs)).isEmpty();
  }
}
