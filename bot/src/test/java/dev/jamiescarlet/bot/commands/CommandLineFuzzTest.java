package dev.jamiescarlet.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets for the command grammar: any typed line is either a command or a usage error, and
 * quoting keeps a token whole. Seeds replay in every build; {@code bench/fuzz.sh} fuzzes.
 */
class CommandLineFuzzTest {
  private static final List<Command> COMMANDS = new ArrayList<>(Commands.standard().all());

  @FuzzTest
  void parseNeverFailsUnexpectedly(byte[] input) {
    // given a line as Slack delivers it, and the grammar of the verb it is typed to (first byte)
    if (input.length == 0) {
      return;
    }
    Syntax syntax = COMMANDS.get(Byte.toUnsignedInt(input[0]) % COMMANDS.size()).syntax();
    String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);

    // when normalised, tokenised and parsed
    String line = CommandLine.normalise(text);
    assertThat(line).isEqualTo(line.strip());
    List<String> tokens;
    try {
      tokens = CommandLine.tokenize(line);
    } catch (UsageException e) {
      // then an unclosed quote is the only way tokenising fails
      assertThat(e.getMessage()).contains("never closed");
      return;
    }
    tokens.add(0, syntax.verb());
    try {
      Invocation inv =
          syntax.freeText()
              ? CommandLine.parseFreeText(syntax, line.isEmpty() ? "x" : "x " + line, null)
              : CommandLine.parse(syntax, tokens, null);
      // then a parse holds only what the grammar declares
      assertThat(inv.verb()).isEqualTo(syntax.verb());
      if (!syntax.freeText()) {
        assertThat(inv.args().size())
            .isBetween(syntax.requiredPositionals(), syntax.positionals().size());
        assertThat(syntax.options().keySet()).containsAll(inv.options().keySet());
        assertThat(syntax.options().keySet()).containsAll(inv.flags());
      }
    } catch (UsageException e) {
      // or a usage error that says what was wrong
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest
  void quotedTokensRoundTrip(FuzzedDataProvider data) {
    // given any tokens, each written in double quotes (a " inside as '"')
    List<String> tokens = new ArrayList<>();
    int count = data.consumeInt(0, 6);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String token = data.consumeString(40);
      tokens.add(token);
      line.append(i == 0 ? "" : " ")
          .append('"')
          .append(token.replace("\"", "\"'\"'\""))
          .append('"');
    }

    // when tokenised
    List<String> parsed = CommandLine.tokenize(line.toString());

    // then quoting kept every token whole, spaces and quotes included
    assertThat(parsed).isEqualTo(tokens);
  }
}
