package dev.jamiescarlet.agents.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target for the agent-definition loader: any file is a definition or problems that each name
 * the file, never an exception and never a hang on an alias bomb. Seeds replay in every build;
 * {@code bench/fuzz.sh} fuzzes.
 */
class DefinitionFuzzTest {

  @FuzzTest
  void parseGivesADefinitionOrProblems(byte[] input) {
    // given any definition file
    String yaml = new String(input, StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();

    // when parsed
    AgentDefinition definition = DefinitionParser.parse("dba.yaml", yaml, problems);

    // then it is a definition, or problems explain why not, each naming the file
    if (definition == null) {
      assertThat(problems).isNotEmpty();
    }
    assertThat(problems).allMatch(p -> p.startsWith("dba.yaml: "));
    if (problems.isEmpty()) {
      // and a clean one is complete enough to build an agent from
      assertThat(definition.name()).isNotBlank();
      assertThat(definition.prompts()).isNotEmpty();
      assertThat(definition.model()).isNotNull();
    } else {
      assertThat(new AgentDefinitionException(problems).getMessage()).contains("dba.yaml: ");
    }
  }
}
