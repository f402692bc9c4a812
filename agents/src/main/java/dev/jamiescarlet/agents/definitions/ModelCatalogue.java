package dev.jamiescarlet.agents.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models the agents use and what serving each takes ({@code models/catalogue.yaml}, shipped in
 * the jar): checked against the agents' model chains at start.
 */
public final class ModelCatalogue {
  /** Where the shipped catalogue is on the classpath. */
  public static final String RESOURCE = "models/catalogue.yaml";

  /**
   * One served model.
   *
   * @param name the name the endpoint serves
   * @param server vllm or ollama
   * @param parameters e.g. 8B
   * @param vramGiB the GPU memory it needs, in GiB
   * @param gpus how many GPUs
   * @param contextLength the model's context length in tokens
   * @param servedContextLength the context length the manifest serves
   * @param toolCalling whether the server returns native tool calls for it
   * @param usedBy the agents that use it
   * @param manifest its manifest under models/
   */
  public record Entry(
      String name,
      String server,
      String parameters,
      int vramGiB,
      int gpus,
      int contextLength,
      int servedContextLength,
      boolean toolCalling,
      List<String> usedBy,
      String manifest) {

    /** Copies. */
    public Entry {
      usedBy = List.copyOf(usedBy);
    }
  }

  private final Map<String, Entry> entries;

  private ModelCatalogue(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** The catalogue shipped in the jar. */
  public static ModelCatalogue shipped() {
    try (InputStream in = ModelCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar; rebuild it");
      }
      return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Parses a catalogue; a bad one fails naming the entry and field. */
  public static ModelCatalogue parse(String yaml) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("the model catalogue is not YAML: " + e.getMessage(), e);
    }
    Map<String, Entry> out = new LinkedHashMap<>();
    JsonNode models = root == null ? null : root.get("models");
    if (models == null || !models.isArray()) {
      throw new IllegalArgumentException("the model catalogue needs a `models:` list");
    }
    for (int i = 0; i < models.size(); i++) {
      JsonNode m = models.get(i);
      String where = "models[" + i + "]";
      List<String> usedBy = new ArrayList<>();
      m.path("usedBy").forEach(u -> usedBy.add(u.asText()));
      Entry e =
          new Entry(
              text(m, "name", where),
              text(m, "server", where),
              text(m, "parameters", where),
              number(m, "vramGiB", where),
              number(m, "gpus", where),
              number(m, "contextLength", where),
              number(m, "servedContextLength", where),
              m.path("toolCalling").asBoolean(false),
              usedBy,
              text(m, "manifest", where));
      if (out.put(e.name(), e) != null) {
        throw new IllegalArgumentException(where + ": `" + e.name() + "` is listed twice");
      }
    }
    return new ModelCatalogue(out);
  }

  /** Every entry, in file order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The entry serving {@code model}, or null. */
  public Entry find(String model) {
    return model == null ? null : entries.get(model);
  }

  /**
   * What does not fit between an agent's model chain and the catalogue: a model missing from it, or
   * one without tool calling for an agent that has tools. Empty when all is well.
   */
  public List<String> check(AgentDefinition agent) {
    List<String> problems = new ArrayList<>();
    List<ModelChoice> chain = new ArrayList<>();
    chain.add(agent.model());
    chain.addAll(agent.fallbacks());
    for (ModelChoice c : chain) {
      if (c.model() == null) {
        continue;
      }
      Entry e = find(c.model());
      if (e == null) {
        problems.add(
            "agent "
                + agent.name()
                + " uses model `"
                + c.model()
                + "`, which models/catalogue.yaml does not list: its VRAM, context and tool"
                + " calling are unknown");
      } else if (!e.toolCalling() && !agent.tools().isEmpty()) {
        problems.add(
            "agent "
                + agent.name()
                + " has tools but `"
                + c.model()
                + "` is served without tool calling; its calls will arrive as text");
      }
    }
    return problems;
  }

  private static String text(JsonNode m, String field, String where) {
    String v = m.path(field).asText("");
    if (v.isBlank()) {
      throw new IllegalArgumentException(where + "." + field + " is missing");
    }
    return v;
  }

  private static int number(JsonNode m, String field, String where) {
    JsonNode v = m.get(field);
    if (v == null || !v.canConvertToInt() || v.asInt() <= 0) {
      throw new IllegalArgumentException(where + "." + field + " must be a positive number");
    }
    return v.asInt();
  }
}
