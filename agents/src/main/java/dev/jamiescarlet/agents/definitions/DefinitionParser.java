package dev.jamiescarlet.agents.definitions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jamiescarlet.tools.yaml.BoundedYaml;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns one agent definition file into an {@link AgentDefinition}, recording every problem. */
final class DefinitionParser {
  // limits on depth, size and aliases: a hostile file fails fast
  private static final YAMLMapper YAML = BoundedYaml.mapper();
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Set<String> TOP =
      Set.of(
          "name",
          "description",
          "prompts",
          "model",
          "fallbacks",
          "tools",
          "memory",
          "limits",
          "access",
          "triggers");
  private static final Set<String> MODEL =
      Set.of("provider", "baseUrl", "model", "apiKeyEnv", "timeout", "temperature");
  private static final Set<String> MEMORY =
      Set.of("threadMessages", "summariseAfter", "retrievalScopes");
  private static final Set<String> LIMITS =
      Set.of("maxSteps", "wallTime", "tokensPerDay", "concurrency");
  private static final Set<String> ACCESS = Set.of("users", "usergroups", "channels");
  private static final Set<String> TRIGGERS = Set.of("mentions", "slashCommands");
  private static final Duration MODEL_TIMEOUT = Duration.ofSeconds(60);

  private final String source;
  private final YamlFields f;
  private final List<String> problems;

  private DefinitionParser(String source, List<String> problems) {
    this.source = source;
    this.problems = problems;
    this.f = new YamlFields(source, problems);
  }

  /** The definition in {@code yaml}, or null when it cannot be read at all; problems are added. */
  static AgentDefinition parse(String source, String yaml, List<String> problems) {
    return new DefinitionParser(source, problems).parse(yaml);
  }

  private AgentDefinition parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at == null ? "" : "line " + at.getLineNr() + ": ";
      problems.add(
          source
              + ": "
              + line
              + "not valid YAML ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + "); fix the indentation or quoting there");
      return null;
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      problems.add(
          source
              + ": the file is empty; write an agent definition (see agent-definitions/jamie.yaml)");
      return null;
    }
    if (!f.mapping(root, "", TOP)) {
      return null;
    }
    String name = f.string(root, "name", "");
    if (name == null) {
      f.problem("name", "missing; give the agent a lower-case name, e.g. name: dba");
    } else if (!NAME.matcher(name).matches()) {
      f.problem("name", "`" + name + "` must be lower-case letters, digits and -, e.g. dba");
    }
    List<String> prompts = f.strings(root, "prompts", "");
    if (prompts.isEmpty()) {
      f.problem("prompts", "missing; list the prompt files of its persona, e.g. [jamie/system]");
    }
    ModelChoice model = root.has("model") ? model(root.get("model"), "model") : null;
    if (model == null) {
      model = new ModelChoice(Provider.OPENAI, null, null, null, MODEL_TIMEOUT, null);
    }
    List<ModelChoice> fallbacks = new ArrayList<>();
    JsonNode fb = root.get("fallbacks");
    if (fb != null && !fb.isNull()) {
      if (!fb.isArray()) {
        f.problem("fallbacks", "must be a list of models, each like `model`");
      } else {
        for (int i = 0; i < fb.size(); i++) {
          ModelChoice m = model(fb.get(i), "fallbacks[" + i + "]");
          if (m != null) {
            fallbacks.add(m);
          }
        }
      }
    }
    return new AgentDefinition(
        name,
        f.string(root, "description", ""),
        prompts,
        model,
        fallbacks,
        tools(root),
        memory(root.path("memory")),
        limits(root.path("limits")),
        access(root.path("access")),
        triggers(root.path("triggers")),
        source);
  }

  private ModelChoice model(JsonNode node, String path) {
    if (!f.mapping(node, path, MODEL)) {
      return null;
    }
    String providerText = f.string(node, "provider", path);
    Provider provider = Provider.OPENAI;
    if (providerText != null) {
      switch (providerText.toLowerCase(Locale.ROOT)) {
        case "openai" -> provider = Provider.OPENAI;
        case "ollama" -> provider = Provider.OLLAMA;
        default ->
            f.problem(
                path + ".provider",
                "`"
                    + providerText
                    + "` is not a provider; use openai (any OpenAI-compatible endpoint: vLLM,"
                    + " LocalAI, hosted APIs) or ollama");
      }
    }
    String baseUrl = f.string(node, "baseUrl", path);
    if (baseUrl != null && !httpUrl(baseUrl)) {
      f.problem(
          path + ".baseUrl",
          "`" + baseUrl + "` is not an http(s) URL; write e.g. http://vllm:8000/v1");
    }
    String apiKeyEnv = f.string(node, "apiKeyEnv", path);
    if (apiKeyEnv != null && !ENV_NAME.matcher(apiKeyEnv).matches()) {
      // the value may be a pasted key: never echo it
      f.problem(
          path + ".apiKeyEnv",
          "must be the NAME of an environment variable holding the key (e.g. JAMIE_LLM_API_KEY),"
              + " never the key itself");
    }
    Double temperature = null;
    JsonNode t = node.get("temperature");
    if (t != null && !t.isNull()) {
      if (!t.isNumber() || t.asDouble() < 0 || t.asDouble() > 2) {
        f.problem(
            path + ".temperature", "`" + t.asText() + "` must be a number from 0 to 2, e.g. 0.2");
      } else {
        temperature = t.asDouble();
      }
    }
    return new ModelChoice(
        provider,
        baseUrl,
        f.string(node, "model", path),
        apiKeyEnv,
        f.duration(node, "timeout", path, MODEL_TIMEOUT),
        temperature);
  }

  static boolean httpUrl(String v) {
    try {
      URI uri = new URI(v);
      return uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private Set<ToolFamily> tools(JsonNode root) {
    Set<ToolFamily> tools = EnumSet.noneOf(ToolFamily.class);
    List<String> names = f.strings(root, "tools", "");
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      ToolFamily.fromYaml(n.toLowerCase(Locale.ROOT))
          .ifPresentOrElse(
              tools::add,
              () ->
                  f.problem(
                      "tools",
                      "`" + n + "` is not a tool family; known families: " + ToolFamily.known()));
    }
    return tools;
  }

  private MemorySettings memory(JsonNode node) {
    if (node.isMissingNode() || node.isNull() || !f.mapping(node, "memory", MEMORY)) {
      return new MemorySettings(20, 40, Set.of("channel"));
    }
    int thread = (int) f.number(node, "threadMessages", "memory", 20, 0);
    int summarise = (int) f.number(node, "summariseAfter", "memory", 40, 1);
    Set<String> scopes = new LinkedHashSet<>();
    for (String s : f.strings(node, "retrievalScopes", "memory")) {
      if (MemorySettings.SCOPES.contains(s)) {
        scopes.add(s);
      } else {
        f.problem(
            "memory.retrievalScopes",
            "`" + s + "` is not a scope; use any of channel, team, global");
      }
    }
    if (!node.has("retrievalScopes")) {
      scopes.add("channel");
    }
    return new MemorySettings(thread, summarise, scopes);
  }

  private Limits limits(JsonNode node) {
    Duration wall = Duration.ofSeconds(60);
    if (node.isMissingNode() || node.isNull() || !f.mapping(node, "limits", LIMITS)) {
      return new Limits(4, wall, 200_000, 4);
    }
    return new Limits(
        (int) f.number(node, "maxSteps", "limits", 4, 1),
        f.duration(node, "wallTime", "limits", wall),
        f.number(node, "tokensPerDay", "limits", 200_000, 1),
        (int) f.number(node, "concurrency", "limits", 4, 1));
  }

  private Access access(JsonNode node) {
    if (node.isMissingNode() || node.isNull() || !f.mapping(node, "access", ACCESS)) {
      return new Access(List.of(), List.of(), List.of());
    }
    return new Access(
        f.strings(node, "users", "access"),
        f.strings(node, "usergroups", "access"),
        f.strings(node, "channels", "access"));
  }

  private Triggers triggers(JsonNode node) {
    if (node.isMissingNode() || node.isNull() || !f.mapping(node, "triggers", TRIGGERS)) {
      return new Triggers(List.of(), List.of());
    }
    List<String> mentions = new ArrayList<>();
    for (String m : f.strings(node, "mentions", "triggers")) {
      mentions.add(m.startsWith("@") ? m.substring(1) : m);
    }
    List<String> slash = f.strings(node, "slashCommands", "triggers");
    for (String s : slash) {
      if (!s.startsWith("/") || s.length() < 2) {
        f.problem(
            "triggers.slashCommands", "`" + s + "` must start with /, e.g. /" + s.replace("/", ""));
      }
    }
    return new Triggers(mentions, slash);
  }
}
