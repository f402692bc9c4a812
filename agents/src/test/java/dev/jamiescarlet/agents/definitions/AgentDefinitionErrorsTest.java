package dev.jamiescarlet.agents.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.agents.prompts.PromptLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentDefinitionErrorsTest {
  @TempDir Path dir;

  private List<String> problemsOf(String file, String yaml) throws IOException {
    return problemsOf(Map.of(file, yaml), Map.of());
  }

  private List<String> problemsOf(Map<String, String> files, Map<String, String> env)
      throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }
    try {
      AgentDefinitions.load(dir, env, new PromptLibrary(null));
    } catch (AgentDefinitionException e) {
      assertThat(e.getMessage()).contains("invalid agent definitions");
      return e.problems();
    }
    throw new AssertionError("expected the definitions to be rejected");
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void everyProblemIsReportedAtOnceWithFileFieldAndFix() throws IOException {
    // given: one file with four mistakes
    String yaml =
        """
        name: dba
        prompts: [dba/system]
        model: {provider: azure, model: m}
        tools: [kubernetes, mysql]
        limits: {maxStesp: 5, wallTime: 5 minutes, concurrency: -1}
        """;

    // when
    List<String> problems = problemsOf("dba.yaml", yaml);

    // then
    String f = file("dba.yaml");
    assertThat(problems)
        .contains(
            f + ": limits.wallTime: \"5 minutes\" is not a duration; write e.g. 90s, 5m",
            f + ": limits.maxStesp: unknown field; did you mean `maxSteps`?",
            f + ": limits.concurrency: `-1` must be a whole number of at least 1; write e.g. 4",
            f
                + ": tools: `mysql` is not a tool family; known families: kubernetes, logs,"
                + " events, diagnosis, runbooks, memory, prometheus, argocd, grafana",
            f
                + ": model.provider: `azure` is not a provider; use openai (any OpenAI-compatible"
                + " endpoint: vLLM, LocalAI, hosted APIs) or ollama",
            f
                + ": prompts[0]: no prompt file `dba/system`; add prompts/dba/system.md (or to"
                + " JAMIE_PROMPTS_DIR) or fix the name");
  }

  @Test
  void anApiKeyInTheYamlIsRefusedWithoutEchoingIt() throws IOException {
    // when
    List<String> problems =
        problemsOf(
            "a.yaml",
            "name: a\nprompts: [jamie/system]\n"
                + "model: {apiKey: sk-live-123}\nfallbacks: [{apiKeyEnv: sk-live-456}]\n");

    // then
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(file("a.yaml") + ": model.apiKey: keys never go in YAML")
                    .contains("apiKeyEnv: JAMIE_LLM_API_KEY"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(file("a.yaml") + ": fallbacks[0].apiKeyEnv: must be the NAME"))
        .noneSatisfy(p -> assertThat(p).contains("sk-live"));
  }

  @Test
  void twoFilesWithOneNameAreAnErrorNamingBoth() throws IOException {
    // when
    List<String> problems =
        problemsOf(
            Map.of(
                "a.yaml", "name: ops\nprompts: [jamie/system]\n",
                "b.yaml", "name: ops\nprompts: [jamie/system]\n"),
            Map.of());

    // then
    assertThat(problems)
        .containsExactly(
            file("b.yaml")
                + ": name: `ops` is also defined in "
                + file("a.yaml")
                + "; give each agent its own name or delete one of the files");
  }

  @Test
  void aYamlSyntaxErrorNamesTheLine() throws IOException {
    // when
    List<String> problems =
        problemsOf("bad.yaml", "name: ops\nprompts: [jamie/system\nlimits:\n  maxSteps: 3\n");

    // then
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith(file("bad.yaml") + ": line ")
        .contains("not valid YAML")
        .endsWith("fix the indentation or quoting there");
  }

  @Test
  void shapesNamesScopesAndTriggersAreChecked() throws IOException {
    // when
    List<String> problems =
        problemsOf(
            "x.yaml",
            """
            name: Ops Bot
            prompts: {a: b}
            description: [x]
            fallbacks: {provider: openai}
            model: {baseUrl: 'ftp://x', temperature: 3, timeout: soon}
            memory: {threadMessages: many, retrievalScopes: [channel, world]}
            access: {users: [{id: U1}]}
            triggers: {mentions: [jamie], slashCommands: [ops]}
            colour: red
            """);

    // then
    String f = file("x.yaml");
    assertThat(problems)
        .contains(
            f + ": name: `Ops Bot` must be lower-case letters, digits and -, e.g. dba",
            f + ": prompts: must be a list, e.g. [a, b]",
            f + ": description: must be a single value, not a list or mapping",
            f + ": fallbacks: must be a list of models, each like `model`",
            f + ": model.baseUrl: `ftp://x` is not an http(s) URL; write e.g. http://vllm:8000/v1",
            f + ": model.temperature: `3` must be a number from 0 to 2, e.g. 0.2",
            f + ": model.timeout: \"soon\" is not a duration; write e.g. 90s, 5m",
            f
                + ": memory.threadMessages: `many` must be a whole number of at least 0; write e.g. 20",
            f
                + ": memory.retrievalScopes: `world` is not a scope; use any of channel, team, global",
            f + ": access.users[0]: must be a single value",
            f + ": triggers.slashCommands: `ops` must start with /, e.g. /ops",
            f
                + ": colour: unknown field; known fields are access, description, fallbacks,"
                + " limits, memory, model, name, prompts, tools, triggers");
  }

  @Test
  void aTriggerClaimedTwiceAndAUrlWithoutAModelAreErrors() throws IOException {
    // when
    List<String> problems =
        problemsOf(
            Map.of(
                "ops.yaml",
                "name: ops\nprompts: [jamie/system]\nmodel: {provider: ollama}\n"
                    + "triggers: {slashCommands: [/scarlet]}\n"),
            Map.of("OLLAMA_BASE_URL", "http://ollama:11434", "JAMIE_LLM_BASE_URL", "vllm"));

    // then
    String f = file("ops.yaml");
    assertThat(problems)
        .contains(
            "JAMIE_LLM_BASE_URL must be an http(s) URL such as http://vllm:8000/v1, not `vllm`",
            f
                + ": model.model: no model name for http://ollama:11434; write the name the"
                + " endpoint serves (e.g. model: meta-llama/Llama-3.1-8B-Instruct) or set"
                + " JAMIE_OLLAMA_MODEL");
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).contains(": triggers: `/scarlet` already reaches agent"));
  }

  @Test
  void anEmptyFileAndAMissingDirectoryAreErrors() throws IOException {
    // when
    List<String> problems = problemsOf("empty.yaml", "");

    // then
    assertThat(problems.get(0)).startsWith(file("empty.yaml") + ": the file is empty");
    assertThatThrownBy(
            () -> AgentDefinitions.load(dir.resolve("nope"), Map.of(), new PromptLibrary(null)))
        .isInstanceOf(AgentDefinitionException.class)
        .hasMessageContaining("nope: not a directory");
  }
}
