package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.agents.definitions.ToolFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The tool objects an agent gets for the families its definition allows, in one registry. */
public final class AgentTools {
  /** One line per family that has tools; a new family costs one class and one line here. */
  private static final Map<ToolFamily, Function<ToolContext, Object>> FAMILIES = registry();

  private AgentTools() {}

  private static Map<ToolFamily, Function<ToolContext, Object>> registry() {
    Map<ToolFamily, Function<ToolContext, Object>> m = new EnumMap<>(ToolFamily.class);
    m.put(ToolFamily.KUBERNETES, KubernetesTools::new);
    m.put(ToolFamily.LOGS, KubernetesLogTools::new);
    m.put(ToolFamily.EVENTS, KubernetesEventTools::new);
    m.put(ToolFamily.DIAGNOSIS, DiagnosisTools::new);
    m.put(ToolFamily.RUNBOOKS, RunbookTools::new);
    m.put(ToolFamily.MEMORY, MemoryTools::new);
    return Collections.unmodifiableMap(m);
  }

  /**
   * The tool objects for {@code families}, in family order, plus {@link ProposalTools} always;
   * families without tools yet are skipped (see {@link #unavailable}).
   */
  public static List<Object> forFamilies(Set<ToolFamily> families, ToolContext ctx) {
    List<Object> tools = new ArrayList<>();
    for (ToolFamily family : ToolFamily.values()) {
      Function<ToolContext, Object> factory = FAMILIES.get(family);
      if (families.contains(family) && factory != null) {
        tools.add(factory.apply(ctx));
      }
    }
    tools.add(new ProposalTools(ctx));
    return List.copyOf(tools);
  }

  /** The families asked for that have no tools yet (Prometheus, Argo CD, Grafana), to log. */
  public static Set<ToolFamily> unavailable(Set<ToolFamily> families) {
    Set<ToolFamily> out = EnumSet.noneOf(ToolFamily.class);
    families.stream().filter(f -> !FAMILIES.containsKey(f)).forEach(out::add);
    return Collections.unmodifiableSet(out);
  }
}
