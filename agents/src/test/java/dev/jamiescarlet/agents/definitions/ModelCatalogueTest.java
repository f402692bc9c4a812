package dev.jamiescarlet.agents.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.agents.prompts.PromptLibrary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCatalogueTest {
  private final ModelCatalogue catalogue = ModelCatalogue.shipped();

  @Test
  void everyShippedAgentsModelChainIsInTheCatalogueAndListsTheAgent() {
    // given the shipped agents with the environment's defaults (an endpoint for both providers)
    AgentDefinitions agents =
        AgentDefinitions.load(
            null,
            Map.of(
                "JAMIE_LLM_BASE_URL",
                "http://vllm:8000/v1",
                "OLLAMA_BASE_URL",
                "http://ollama:11434"),
            PromptLibrary.standard(null));

    for (AgentDefinition a : agents.all()) {
      // then nothing is missing or unfit
      assertThat(catalogue.check(a)).as(a.name()).isEmpty();
      // and each model of its chain says this agent uses it
      assertThat(catalogue.find(a.model().model()).usedBy()).contains(a.name());
      a.fallbacks()
          .forEach(
              f -> assertThat(catalogue.find(f.model()).usedBy()).as(f.model()).contains(a.name()));
    }
  }

  @Test
  void aModelOutsideTheCatalogueOrWithoutToolCallingIsReported() {
    ModelCatalogue small =
        ModelCatalogue.parse(
            """
            models:
              - {name: tiny, server: ollama, parameters: 1B, vramGiB: 2, gpus: 1, contextLength: 4096,
                 servedContextLength: 4096, toolCalling: false, usedBy: [jamie], manifest: ollama/x.yaml}
            """);
    AgentDefinitions agents =
        AgentDefinitions.load(
            null,
            Map.of("JAMIE_LLM_BASE_URL", "http://vllm:8000/v1"),
            PromptLibrary.standard(null));
    AgentDefinition jamie = agents.get("jamie").orElseThrow();

    assertThat(small.check(jamie))
        .anyMatch(
            p -> p.contains("meta-llama/Llama-3.1-8B-Instruct") && p.contains("does not list"));

    AgentDefinition onTiny =
        new AgentDefinition(
            jamie.name(),
            jamie.description(),
            jamie.prompts(),
            new ModelChoice(Provider.OLLAMA, "http://o:11434", "tiny", null, null, null),
            java.util.List.of(),
            jamie.tools(),
            jamie.memory(),
            jamie.limits(),
            jamie.access(),
            jamie.triggers(),
            jamie.source());
    assertThat(small.check(onTiny)).singleElement().asString().contains("without tool calling");
  }

  @Test
  void aBadCatalogueNamesTheEntryAndField() {
    assertThatThrownBy(() -> ModelCatalogue.parse("models:\n  - {name: x, server: vllm}\n"))
        .hasMessageContaining("models[0].parameters is missing");
    assertThatThrownBy(() -> ModelCatalogue.parse("other: 1\n"))
        .hasMessageContaining("needs a `models:` list");
  }
}
