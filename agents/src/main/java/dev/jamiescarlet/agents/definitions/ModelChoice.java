package dev.jamiescarlet.agents.definitions;

import java.time.Duration;

/**
 * One model an agent may use; the API key is never here, only the name of the environment variable
 * that holds it.
 *
 * @param provider openai (any OpenAI-compatible endpoint) or ollama
 * @param baseUrl the endpoint, or null when neither the YAML nor the environment names one
 * @param model the model name the endpoint serves, or null
 * @param apiKeyEnv the name of the environment variable holding the key, or null for none
 * @param timeout how long one call may take before the next model in the chain is tried
 * @param temperature sampling temperature, or null for the provider's default
 */
public record ModelChoice(
    Provider provider,
    String baseUrl,
    String model,
    String apiKeyEnv,
    Duration timeout,
    Double temperature) {

  /** Whether there is an endpoint to call. */
  public boolean configured() {
    return baseUrl != null && model != null;
  }

  /** "provider model at url", or "no model configured", for logs. */
  public String describe() {
    if (!configured()) {
      return "no model configured";
    }
    return provider.name().toLowerCase(java.util.Locale.ROOT) + " " + model + " at " + baseUrl;
  }
}
