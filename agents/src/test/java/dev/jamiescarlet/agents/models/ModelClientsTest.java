package dev.jamiescarlet.agents.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelClientsTest {

  private static final ModelChoice OPENAI =
      new ModelChoice(
          Provider.OPENAI, "http://vllm:8000/v1", "llama", "KEY", Duration.ofSeconds(5), 0.2);

  @Test
  void keyComesFromTheNamedVariableOrIsAPlaceholder() {
    assertThat(ModelClients.apiKey(OPENAI, Map.of("KEY", "sk-1"))).isEqualTo("sk-1");
    assertThat(ModelClients.apiKey(OPENAI, Map.of("KEY", " "))).isEqualTo("none");
    assertThat(ModelClients.apiKey(OPENAI, Map.of())).isEqualTo("none");
    ModelChoice noKey = new ModelChoice(Provider.OPENAI, "http://x/v1", "m", null, null, null);
    assertThat(ModelClients.apiKey(noKey, Map.of("KEY", "sk-1"))).isEqualTo("none");
    assertThat(ModelClients.timeout(noKey)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void providerPicksTheClientClasses() {
    ModelChoice ollama =
        new ModelChoice(Provider.OLLAMA, "http://ollama:11434", "llama3.1", null, null, null);
    assertThat(ModelClients.chat(OPENAI, Map.of())).isInstanceOf(OpenAiChatModel.class);
    assertThat(ModelClients.streaming(OPENAI, Map.of()))
        .isInstanceOf(OpenAiStreamingChatModel.class);
    assertThat(ModelClients.chat(ollama, Map.of())).isInstanceOf(OllamaChatModel.class);
    assertThat(ModelClients.streaming(ollama, Map.of()))
        .isInstanceOf(OllamaStreamingChatModel.class);
  }

  @Test
  void unconfiguredChoiceNamesTheVariablesToSet() {
    ModelChoice none = new ModelChoice(Provider.OPENAI, null, null, null, null, null);
    assertThatThrownBy(() -> ModelClients.chat(none, Map.of()))
        .hasMessageContaining("JAMIE_LLM_BASE_URL");
  }
}
