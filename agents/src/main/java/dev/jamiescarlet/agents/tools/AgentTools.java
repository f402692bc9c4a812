package dev.jamiescarlet.agents.tools;

import dev.jamiescarlet.agents.definitions.ToolFamily;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** The tool objects an agent gets for the families its definition allows, in one registry. */
public final class AgentTools {
  /** One line per family that has tools; a new family costs one class and one line here. */
  private static final Map<ToolFamily, Family> FAMILIES = registry();

  /** How to build a family's tools, and whether the integrations it needs are configured. */
  private record Family(
      BiFunction<ToolContext, Integrations, Object> tools, Predicate<Integrations> configured) {
    static Family always(java.util.function.Function<ToolContext, Object> tools) {
      return new Family((ctx, i) -> tools.apply(ctx), i -> true);
    }
  }

  private AgentTools() {}

  private static Map<ToolFamily, Family> registry() {
    Map<ToolFamily, Family> m = new EnumMap<>(ToolFamily.class);
    m.put(ToolFamily.KUBERNETES, Family.always(KubernetesTools::new));
    m.put(ToolFamily.LOGS, Family.always(KubernetesLogTools::new));
    m.put(ToolFamily.EVENTS, Family.always(KubernetesEventTools::new));
    m.put(ToolFamily.DIAGNOSIS, Family.always(DiagnosisTools::new));
    m.put(ToolFamily.RUNBOOKS, Family.always(RunbookTools::new));
    m.put(ToolFamily.MEMORY, Family.always(MemoryTools::new));
    m.put(
        ToolFamily.PROMETHEUS,
        new Family(PrometheusTools::new, i -> i.prometheus() != null || i.alertmanager() != null));
    m.put(
        ToolFamily.ARGOCD,
        new Family((ctx, i) -> new ArgoCdTools(ctx, i.argoCd()), i -> i.argoCd() != null));
    m.put(
        ToolFamily.GRAFANA,
        new Family((ctx, i) -> new GrafanaTools(ctx, i.grafana()), i -> i.grafana() != null));
    return Collections.unmodifiableMap(m);
  }

  /**
   * The tool objects for {@code families} without integrations ({@link Integrations#NONE}), plus
   * {@link ProposalTools} always; Prometheus, Argo CD and Grafana are skipped (see {@link
   * #unavailable(Set)}).
   */
  public static List<Object> forFamilies(Set<ToolFamily> families, ToolContext ctx) {
    return forFamilies(families, ctx, Integrations.NONE);
  }

  /**
   * The tool objects for {@code families}, in family order, plus {@link ProposalTools} always;
   * families whose integration client is null in {@code integrations} are skipped (see {@link
   * #unavailable(Set, Integrations)}).
   */
  public static List<Object> forFamilies(
      Set<ToolFamily> families, ToolContext ctx, Integrations integrations) {
    Integrations configured = integrations == null ? Integrations.NONE : integrations;
    List<Object> tools = new ArrayList<>();
    for (ToolFamily family : ToolFamily.values()) {
      Family factory = FAMILIES.get(family);
      if (families.contains(family) && factory != null && factory.configured().test(configured)) {
        tools.add(factory.tools().apply(ctx, configured));
      }
    }
    tools.add(new ProposalTools(ctx));
    return List.copyOf(tools);
  }

  /**
   * The families asked for that get no tools without integrations (Prometheus, Argo CD, Grafana),
   * to log.
   */
  public static Set<ToolFamily> unavailable(Set<ToolFamily> families) {
    return unavailable(families, Integrations.NONE);
  }

  /** The families asked for whose integration client is null in {@code integrations}, to log. */
  public static Set<ToolFamily> unavailable(Set<ToolFamily> families, Integrations integrations) {
    Integrations configured = integrations == null ? Integrations.NONE : integrations;
    Set<ToolFamily> out = EnumSet.noneOf(ToolFamily.class);
    families.stream()
        .filter(f -> !FAMILIES.containsKey(f) || !FAMILIES.get(f).configured().test(configured))
        .forEach(out::add);
    return Collections.unmodifiableSet(out);
  }
}
