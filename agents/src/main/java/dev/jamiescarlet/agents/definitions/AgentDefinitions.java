package dev.jamiescarlet.agents.definitions;

import dev.jamiescarlet.agents.prompts.PromptLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The agents in use: the shipped definitions, overridden and extended by the YAML files of a config
 * directory (a ConfigMap mounted as a directory), with model endpoints defaulted from the
 * environment.
 */
public final class AgentDefinitions {
  /** The definitions packaged in the jar under {@code agent-definitions/}. */
  static final List<String> SHIPPED = List.of("jamie.yaml", "scarlet.yaml");

  static final String SHIPPED_DIR = "agent-definitions/";

  private final Map<String, AgentDefinition> byName;

  private AgentDefinitions(Map<String, AgentDefinition> byName) {
    this.byName = byName;
  }

  /**
   * Loads and validates every definition; throws {@link AgentDefinitionException} listing all
   * problems with their file, field and fix.
   *
   * @param configDir a directory of {@code *.yaml}/{@code *.yml} definitions, or null for the
   *     shipped ones only
   * @param env the environment, read for {@code JAMIE_LLM_*}, {@code OLLAMA_BASE_URL} and {@code
   *     JAMIE_OLLAMA_MODEL} defaults
   * @param prompts where the prompt files named by definitions must exist
   */
  public static AgentDefinitions load(
      Path configDir, Map<String, String> env, PromptLibrary prompts) {
    List<String> problems = new ArrayList<>();
    Map<String, AgentDefinition> agents = new LinkedHashMap<>();
    for (String file : SHIPPED) {
      AgentDefinition d = DefinitionParser.parse(SHIPPED_DIR + file, shipped(file), problems);
      if (d != null && d.name() != null) {
        agents.put(d.name(), d);
      }
    }
    Map<String, String> seenInDir = new LinkedHashMap<>();
    for (Path file : files(configDir, problems)) {
      String source = file.toString();
      AgentDefinition d = DefinitionParser.parse(source, read(file), problems);
      if (d == null || d.name() == null) {
        continue;
      }
      String earlier = seenInDir.putIfAbsent(d.name(), source);
      if (earlier != null) {
        problems.add(
            source
                + ": name: `"
                + d.name()
                + "` is also defined in "
                + earlier
                + "; give each agent its own name or delete one of the files");
        continue;
      }
      agents.put(d.name(), d);
    }
    ModelDefaults defaults = ModelDefaults.from(env, problems);
    Map<String, AgentDefinition> resolved = new LinkedHashMap<>();
    for (AgentDefinition d : agents.values()) {
      AgentDefinition withEnv = defaults.apply(d, problems);
      checkPrompts(withEnv, prompts, problems);
      resolved.put(d.name(), withEnv);
    }
    checkTriggers(resolved.values(), problems);
    if (!problems.isEmpty()) {
      throw new AgentDefinitionException(problems);
    }
    return new AgentDefinitions(resolved);
  }

  /** Every agent, shipped ones first. */
  public List<AgentDefinition> all() {
    return List.copyOf(byName.values());
  }

  /** The agent with this name, if any. */
  public Optional<AgentDefinition> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  private static String shipped(String file) {
    try (InputStream in =
        AgentDefinitions.class.getResourceAsStream("/agent-definitions/" + file)) {
      if (in == null) {
        throw new IllegalStateException("agent-definitions/" + file + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read packaged agent-definitions/" + file, e);
    }
  }

  private static List<Path> files(Path dir, List<String> problems) {
    if (dir == null) {
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      problems.add(dir + ": not a directory; point it at a folder of agent YAML files or unset it");
      return List.of();
    }
    // ConfigMap mounts hold ..data symlinks and hidden files: only plain *.yaml/*.yml count
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(dir + ": cannot be listed (" + e.getMessage() + "); check its permissions");
      return List.of();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read agent definition " + file, e);
    }
  }

  private static void checkPrompts(
      AgentDefinition d, PromptLibrary prompts, List<String> problems) {
    for (int i = 0; i < d.prompts().size(); i++) {
      String name = d.prompts().get(i);
      try {
        prompts.raw(name);
      } catch (IllegalArgumentException e) {
        problems.add(
            d.source()
                + ": prompts["
                + i
                + "]: no prompt file `"
                + name
                + "`; add prompts/"
                + name
                + ".md (or to JAMIE_PROMPTS_DIR) or fix the name");
      }
    }
  }

  private static void checkTriggers(Collection<AgentDefinition> agents, List<String> problems) {
    Map<String, String> owners = new LinkedHashMap<>();
    for (AgentDefinition d : agents) {
      List<String> triggers = new ArrayList<>();
      d.triggers().mentions().forEach(m -> triggers.add("@" + m));
      triggers.addAll(d.triggers().slashCommands());
      for (String t : triggers) {
        String owner = owners.putIfAbsent(t, d.name());
        if (owner != null && !owner.equals(d.name())) {
          problems.add(
              d.source()
                  + ": triggers: `"
                  + t
                  + "` already reaches agent `"
                  + owner
                  + "`; pick another trigger for `"
                  + d.name()
                  + "`");
        }
      }
    }
  }
}
