package dev.jamiescarlet.agents.definitions;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One agent as declared in YAML: persona, models, tools, memory, limits, access and triggers.
 *
 * @param name unique lower-case name, e.g. {@code jamie}
 * @param description one line on what it is for
 * @param prompts prompt names (under {@code prompts/}, without {@code .md}) forming its system
 *     prompt, in order
 * @param model the model it tries first
 * @param fallbacks models tried in order when the one before fails or times out
 * @param tools tool families it may call
 * @param memory what it remembers
 * @param limits how much it may do
 * @param access who may talk to it
 * @param triggers how messages reach it
 * @param source the file it came from, for messages
 */
public record AgentDefinition(
    String name,
    String description,
    List<String> prompts,
    ModelChoice model,
    List<ModelChoice> fallbacks,
    Set<ToolFamily> tools,
    MemorySettings memory,
    Limits limits,
    Access access,
    Triggers triggers,
    String source) {

  public AgentDefinition {
    prompts = List.copyOf(prompts);
    fallbacks = List.copyOf(fallbacks);
    tools = Set.copyOf(tools);
  }

  /** Whether a model endpoint is configured; without one the bot answers deterministically only. */
  public boolean hasModel() {
    return model.configured();
  }

  /** The tool families' YAML names, sorted, for logs. */
  public String toolNames() {
    return tools.stream().map(ToolFamily::yamlName).sorted().collect(Collectors.joining(","));
  }
}
