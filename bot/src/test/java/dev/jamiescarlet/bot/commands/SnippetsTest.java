package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {
  private static final String TEXT =
      """
      Intro line about pods.
      Check the events first.
      The exit code 137 means the kernel killed it for memory.
      Raise the limit or lower the heap.
      """;

  @Test
  void startsAtTheLineWithMostQueryWords() {
    String s = Snippets.best(TEXT, "why exit code 137", 200);

    assertThat(s).startsWith("…The exit code 137").contains("Raise the limit");
  }

  @Test
  void withoutAMatchItIsTheStart() {
    assertThat(Snippets.best(TEXT, "zebra", 200)).startsWith("Intro line");
  }

  @Test
  void longTextIsCutAtAWordWithAnEllipsis() {
    String s = Snippets.best("word ".repeat(200), "word", 50);

    assertThat(s).endsWith("…").hasSizeLessThanOrEqualTo(52);
  }
}
