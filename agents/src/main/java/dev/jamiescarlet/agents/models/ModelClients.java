package dev.jamiescarlet.agents.models;

import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the LangChain4j clients for one {@link ModelChoice}; retries are the chain's {@link
 * RetryPolicy}.
 */
public final class ModelClients {

  /** Sent when apiKeyEnv is unset or empty: vLLM and LocalAI accept any key. */
  public static final String NO_KEY = "none";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private ModelClients() {}

  /** A blocking client for the choice; {@code env} supplies the key named by apiKeyEnv. */
  public static ChatModel chat(ModelChoice choice, Map<String, String> env) {
    return chat(choice, env, null);
  }

  /** As above, noting the endpoint's Retry-After headers in {@code hints} (may be null). */
  static ChatModel chat(ModelChoice choice, Map<String, String> env, RetryHints hints) {
    requireConfigured(choice);
    if (choice.provider() == Provider.OLLAMA) {
      return OllamaChatModel.builder()
          .baseUrl(choice.baseUrl())
          .modelName(choice.model())
          .timeout(timeout(choice))
          .temperature(choice.temperature())
          .maxRetries(0)
          .httpClientBuilder(http(hints))
          .build();
    }
    return OpenAiChatModel.builder()
        .baseUrl(choice.baseUrl())
        .apiKey(apiKey(choice, env))
        .modelName(choice.model())
        .timeout(timeout(choice))
        .temperature(choice.temperature())
        .maxRetries(0)
        .httpClientBuilder(http(hints))
        .build();
  }

  /** A streaming client for the choice; {@code env} supplies the key named by apiKeyEnv. */
  public static StreamingChatModel streaming(ModelChoice choice, Map<String, String> env) {
    return streaming(choice, env, null);
  }

  /** As above, noting the endpoint's Retry-After headers in {@code hints} (may be null). */
  static StreamingChatModel streaming(
      ModelChoice choice, Map<String, String> env, RetryHints hints) {
    requireConfigured(choice);
    if (choice.provider() == Provider.OLLAMA) {
      return OllamaStreamingChatModel.builder()
          .baseUrl(choice.baseUrl())
          .modelName(choice.model())
          .timeout(timeout(choice))
          .temperature(choice.temperature())
          .httpClientBuilder(http(hints))
          .build();
    }
    return OpenAiStreamingChatModel.builder()
        .baseUrl(choice.baseUrl())
        .apiKey(apiKey(choice, env))
        .modelName(choice.model())
        .timeout(timeout(choice))
        .temperature(choice.temperature())
        .httpClientBuilder(http(hints))
        .build();
  }

  /** LangChain4j's JDK client, its responses shown to {@code hints} when there are any. */
  private static HttpClientBuilder http(RetryHints hints) {
    JdkHttpClientBuilder builder = JdkHttpClient.builder();
    return hints == null ? builder : builder.httpClientBuilder(HintingHttpClient.builder(hints));
  }

  /** The key from the variable named by apiKeyEnv, or {@link #NO_KEY}. */
  static String apiKey(ModelChoice choice, Map<String, String> env) {
    String name = choice.apiKeyEnv();
    String key = name == null ? null : env.get(name);
    return key == null || key.isBlank() ? NO_KEY : key;
  }

  static Duration timeout(ModelChoice choice) {
    return choice.timeout() == null ? DEFAULT_TIMEOUT : choice.timeout();
  }

  private static void requireConfigured(ModelChoice choice) {
    if (!choice.configured()) {
      throw new IllegalArgumentException(
          "Model choice has no baseUrl or model: set JAMIE_LLM_BASE_URL and JAMIE_LLM_MODEL, "
              + "or model.baseUrl and model.name in the agent definition");
    }
  }
}
