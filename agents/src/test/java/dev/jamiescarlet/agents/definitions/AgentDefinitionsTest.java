package dev.jamiescarlet.agents.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.prompts.PromptLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentDefinitionsTest {
  @TempDir Path dir;

  private final PromptLibrary packaged = new PromptLibrary(null);

  @Test
  void theShippedAgentsLoadWithTheirModelsToolsAndLimits() {
    // when
    AgentDefinitions agents = AgentDefinitions.load(null, Map.of(), packaged);

    // then
    assertThat(agents.all()).extracting(AgentDefinition::name).containsExactly("jamie", "scarlet");
    AgentDefinition jamie = agents.get("jamie").orElseThrow();
    AgentDefinition scarlet = agents.get("scarlet").orElseThrow();
    assertThat(jamie.model().model()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
    assertThat(scarlet.model().model()).isEqualTo("meta-llama/Llama-3.3-70B-Instruct");
    assertThat(jamie.tools()).doesNotContain(ToolFamily.PROMETHEUS);
    assertThat(scarlet.tools()).containsExactlyInAnyOrder(ToolFamily.values());
    assertThat(scarlet.limits().maxSteps()).isGreaterThan(jamie.limits().maxSteps());
    assertThat(scarlet.limits().wallTime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(scarlet.limits().concurrency()).isLessThan(jamie.limits().concurrency());
    assertThat(scarlet.triggers().slashCommands()).containsExactly("/scarlet");
    assertThat(scarlet.triggers().mentions()).containsExactly("scarlet");
    assertThat(jamie.access().everyone()).isTrue();
    assertThat(jamie.memory().retrievalScopes())
        .containsExactlyInAnyOrder("channel", "team", "global");
  }

  @Test
  void withoutAnEndpointAnAgentIsValidButHasNoModel() {
    // when
    AgentDefinition jamie =
        AgentDefinitions.load(null, Map.of(), packaged).get("jamie").orElseThrow();

    // then
    assertThat(jamie.hasModel()).isFalse();
    assertThat(jamie.model().describe()).isEqualTo("no model configured");
  }

  @Test
  void theEnvironmentFillsWhatTheYamlLeavesUnsetAndAnOperatorsYamlWins() throws IOException {
    // given: the shipped Jamie names a default model but no URL; a custom agent names neither
    Files.writeString(
        dir.resolve("ops.yaml"),
        "name: ops\nprompts: [shared/voice]\nmodel: {provider: openai}\n"
            + "fallbacks: [{provider: ollama}, {provider: ollama, baseUrl: 'http://gpu:11434', model: mine}]\n");
    Map<String, String> env =
        Map.of(
            "JAMIE_LLM_BASE_URL", "http://vllm:8000/v1",
            "JAMIE_LLM_MODEL", "llama-from-env",
            "JAMIE_LLM_API_KEY", "sk-secret",
            "OLLAMA_BASE_URL", "http://ollama:11434",
            "JAMIE_OLLAMA_MODEL", "llama3.1:8b");

    // when
    AgentDefinitions agents = AgentDefinitions.load(dir, env, packaged);

    // then
    AgentDefinition jamie = agents.get("jamie").orElseThrow();
    assertThat(jamie.hasModel()).isTrue();
    assertThat(jamie.model().baseUrl()).isEqualTo("http://vllm:8000/v1");
    // the shipped default gives way to the endpoint's model; an operator's file keeps its own
    assertThat(jamie.model().model()).isEqualTo("llama-from-env");
    assertThat(jamie.model().apiKeyEnv()).isEqualTo("JAMIE_LLM_API_KEY");
    assertThat(agents.get("scarlet").orElseThrow().fallbacks().get(1).model())
        .isEqualTo("llama3.1:8b");
    AgentDefinition ops = agents.get("ops").orElseThrow();
    assertThat(ops.model().model()).isEqualTo("llama-from-env");
    assertThat(ops.fallbacks().get(0).baseUrl()).isEqualTo("http://ollama:11434");
    assertThat(ops.fallbacks().get(0).model()).isEqualTo("llama3.1:8b");
    assertThat(ops.fallbacks().get(0).apiKeyEnv()).isNull();
    assertThat(ops.fallbacks().get(1).baseUrl()).isEqualTo("http://gpu:11434");
    assertThat(ops.fallbacks().get(1).model()).isEqualTo("mine");
    assertThat(ops.toString()).doesNotContain("sk-secret");
  }

  @Test
  void aConfigDirFileOverridesAShippedAgentAndAddsANewOne() throws IOException {
    // given: the example dba persona and its prompt, and a Jamie on another model
    Files.copy(Path.of("../agent-definitions/examples/dba.yaml"), dir.resolve("dba.yaml"));
    Files.writeString(
        dir.resolve("jamie.yml"),
        "name: jamie\nprompts: [jamie/system]\nmodel: {provider: ollama, baseUrl: 'http://o:11434', model: tiny}\n"
            + "tools: [logs]\ntriggers: {mentions: [jamie]}\n");
    Path prompts = Files.createDirectories(dir.resolve("prompts/dba"));
    Files.writeString(prompts.resolve("system.md"), "You are the DBA helper.");
    Files.writeString(dir.resolve("README.md"), "not a definition");

    // when
    AgentDefinitions agents =
        AgentDefinitions.load(dir, Map.of(), new PromptLibrary(dir.resolve("prompts")));

    // then
    assertThat(agents.all())
        .extracting(AgentDefinition::name)
        .containsExactly("jamie", "scarlet", "dba");
    AgentDefinition jamie = agents.get("jamie").orElseThrow();
    assertThat(jamie.model().provider()).isEqualTo(Provider.OLLAMA);
    assertThat(jamie.toolNames()).isEqualTo("logs");
    AgentDefinition dba = agents.get("dba").orElseThrow();
    assertThat(dba.hasModel()).isTrue();
    assertThat(dba.model().apiKeyEnv()).isEqualTo("DBA_LLM_API_KEY");
    assertThat(dba.access().usergroups()).containsExactly("S0DATATEAM");
    assertThat(dba.limits().wallTime()).isEqualTo(Duration.ofSeconds(90));
    assertThat(dba.source()).endsWith("dba.yaml");
  }

  @Test
  void durationsAreDigitsAndUnits() {
    assertThat(YamlFields.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(YamlFields.parseDuration("90")).isNull();
    assertThat(YamlFields.parseDuration("5 minutes")).isNull();
    assertThat(YamlFields.parseDuration("m5")).isNull();
  }
}
