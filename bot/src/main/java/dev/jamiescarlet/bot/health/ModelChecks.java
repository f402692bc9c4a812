package dev.jamiescarlet.bot.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jamiescarlet.agents.definitions.AgentDefinition;
import dev.jamiescarlet.agents.definitions.ModelChoice;
import dev.jamiescarlet.agents.definitions.Provider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One check per distinct model in the agents' chains: the endpoint's model list ({@code GET
 * /models} on OpenAI-compatible servers such as vLLM, {@code GET /api/tags} on Ollama) must name
 * the model. No chat request is sent.
 */
public final class ModelChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelChecks() {}

  /** Checks for every model the agents may call, first model then fallbacks, each once. */
  public static List<DependencyCheck> of(List<AgentDefinition> agents, Map<String, String> env) {
    Map<String, DependencyCheck> checks = new LinkedHashMap<>();
    for (AgentDefinition agent : agents) {
      List<ModelChoice> chain = new ArrayList<>();
      chain.add(agent.model());
      chain.addAll(agent.fallbacks());
      for (ModelChoice choice : chain) {
        DependencyCheck check = of(choice, env);
        checks.putIfAbsent(check.name(), check);
      }
    }
    return List.copyOf(checks.values());
  }

  /** The check for one model choice. */
  static DependencyCheck of(ModelChoice choice, Map<String, String> env) {
    boolean ollama = choice.provider() == Provider.OLLAMA;
    String urlSetting = ollama ? "OLLAMA_BASE_URL" : "JAMIE_LLM_BASE_URL";
    if (!choice.configured()) {
      String model = choice.model() == null ? (ollama ? "ollama" : "openai") : choice.model();
      return DependencyCheck.notConfigured(
          "model:" + model,
          "model",
          "set " + urlSetting + " (or model.baseUrl in the agent definition) to use it");
    }
    String name = "model:" + choice.model() + "@" + HttpProbe.hostPort(choice.baseUrl());
    String fix = "check " + urlSetting + " (" + choice.baseUrl() + ") and that the server runs";
    String key = choice.apiKeyEnv() == null ? null : env.get(choice.apiKeyEnv());
    return DependencyCheck.optional(
        name, "model", fix, () -> probe(choice, ollama, key, urlSetting));
  }

  private static ProbeResult probe(ModelChoice choice, boolean ollama, String key, String setting)
      throws Exception {
    String base = choice.baseUrl().endsWith("/") ? choice.baseUrl() : choice.baseUrl() + "/";
    URI uri = URI.create(base).resolve(ollama ? "api/tags" : "models");
    HttpResponse<String> response = HttpProbe.get(uri, ollama ? null : key);
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      return ProbeResult.down(
          "HTTP "
              + status
              + " from "
              + uri
              + ": check "
              + (choice.apiKeyEnv() == null
                  ? "the endpoint's API key (apiKeyEnv)"
                  : choice.apiKeyEnv()));
    }
    if (status != 200) {
      return ProbeResult.down(
          "HTTP " + status + " from " + uri + ": is " + setting + " the server's API root?");
    }
    List<String> served = served(JSON.readTree(response.body()), ollama);
    if (served.contains(choice.model())
        || (ollama
            && !choice.model().contains(":")
            && served.contains(choice.model() + ":latest"))) {
      return ProbeResult.up("serves " + choice.model() + " at " + choice.baseUrl());
    }
    String fix =
        ollama
            ? "pull it (`ollama pull " + choice.model() + "`) or fix the agent's model name"
            : "serve it (vLLM --served-model-name) or fix JAMIE_LLM_MODEL / the agent's model name";
    return ProbeResult.degraded(
        "model "
            + choice.model()
            + " not served by "
            + choice.baseUrl()
            + " (it serves "
            + (served.isEmpty() ? "none" : String.join(", ", served.stream().limit(5).toList()))
            + "); "
            + fix);
  }

  /** Model names in a /v1/models ({@code data[].id}) or /api/tags ({@code models[].name}) body. */
  static List<String> served(JsonNode body, boolean ollama) {
    List<String> names = new ArrayList<>();
    for (JsonNode m : body.path(ollama ? "models" : "data")) {
      String name = m.path(ollama ? "name" : "id").asText("");
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }
}
