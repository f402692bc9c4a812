package dev.jamiescarlet.agents.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Model settings from the environment that fill what a definition leaves unset; an operator's YAML
 * wins, while the shipped definitions' model names give way to {@code JAMIE_LLM_MODEL} and {@code
 * JAMIE_OLLAMA_MODEL} (one endpoint usually serves one model).
 *
 * @param openAiBaseUrl {@code JAMIE_LLM_BASE_URL}, or null
 * @param openAiModel {@code JAMIE_LLM_MODEL}, or null
 * @param openAiKeyEnv {@code JAMIE_LLM_API_KEY} when that variable is set, else null
 * @param ollamaBaseUrl {@code OLLAMA_BASE_URL}, or null
 * @param ollamaModel {@code JAMIE_OLLAMA_MODEL}, or null
 */
record ModelDefaults(
    String openAiBaseUrl,
    String openAiModel,
    String openAiKeyEnv,
    String ollamaBaseUrl,
    String ollamaModel) {
  static final String BASE_URL = "JAMIE_LLM_BASE_URL";
  static final String API_KEY = "JAMIE_LLM_API_KEY";
  static final String MODEL = "JAMIE_LLM_MODEL";
  static final String OLLAMA_BASE_URL = "OLLAMA_BASE_URL";
  static final String OLLAMA_MODEL = "JAMIE_OLLAMA_MODEL";

  /** Reads the variables; a URL that is not http(s) is a problem naming the variable. */
  static ModelDefaults from(Map<String, String> env, List<String> problems) {
    return new ModelDefaults(
        url(env, BASE_URL, "http://vllm:8000/v1", problems),
        get(env, MODEL),
        get(env, API_KEY) == null ? null : API_KEY,
        url(env, OLLAMA_BASE_URL, "http://ollama:11434", problems),
        get(env, OLLAMA_MODEL));
  }

  private static String get(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String url(
      Map<String, String> env, String name, String example, List<String> problems) {
    String v = get(env, name);
    if (v != null && !DefinitionParser.httpUrl(v)) {
      problems.add(name + " must be an http(s) URL such as " + example + ", not `" + v + "`");
      return null;
    }
    return v;
  }

  /** The definition with every model's gaps filled; a URL without a model name is a problem. */
  AgentDefinition apply(AgentDefinition d, List<String> problems) {
    boolean shipped = d.source().startsWith(AgentDefinitions.SHIPPED_DIR);
    ModelChoice model = fill(d.model(), "model", d.source(), shipped, problems);
    List<ModelChoice> fallbacks = new ArrayList<>();
    for (int i = 0; i < d.fallbacks().size(); i++) {
      fallbacks.add(
          fill(d.fallbacks().get(i), "fallbacks[" + i + "]", d.source(), shipped, problems));
    }
    return new AgentDefinition(
        d.name(),
        d.description(),
        d.prompts(),
        model,
        fallbacks,
        d.tools(),
        d.memory(),
        d.limits(),
        d.access(),
        d.triggers(),
        d.source());
  }

  private ModelChoice fill(
      ModelChoice m, String path, String source, boolean shipped, List<String> problems) {
    boolean openAi = m.provider() == Provider.OPENAI;
    String baseUrl = m.baseUrl() != null ? m.baseUrl() : openAi ? openAiBaseUrl : ollamaBaseUrl;
    String envModel = openAi ? openAiModel : ollamaModel;
    String model = m.model() != null && !(shipped && envModel != null) ? m.model() : envModel;
    String keyEnv = m.apiKeyEnv() != null || !openAi ? m.apiKeyEnv() : openAiKeyEnv;
    if (baseUrl != null && model == null) {
      problems.add(
          source
              + ": "
              + path
              + ".model: no model name for "
              + baseUrl
              + "; write the name the endpoint serves (e.g. model: meta-llama/Llama-3.1-8B-Instruct)"
              + " or set "
              + (openAi ? MODEL : OLLAMA_MODEL));
    }
    return new ModelChoice(m.provider(), baseUrl, model, keyEnv, m.timeout(), m.temperature());
  }
}
