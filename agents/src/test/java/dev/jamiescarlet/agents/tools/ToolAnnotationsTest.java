package dev.jamiescarlet.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.agents.definitions.ToolFamily;
import dev.jamiescarlet.tools.alertmanager.AlertmanagerClient;
import dev.jamiescarlet.tools.grafana.GrafanaClient;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ToolAnnotationsTest {
  private static final List<Class<?>> TOOL_CLASSES =
      List.of(
          KubernetesTools.class,
          KubernetesLogTools.class,
          KubernetesEventTools.class,
          DiagnosisTools.class,
          RunbookTools.class,
          MemoryTools.class,
          ProposalTools.class,
          PrometheusTools.class,
          ArgoCdTools.class,
          GrafanaTools.class);

  /** HolmesGPT style: verb_object. */
  private static final Pattern VERB_OBJECT = Pattern.compile("[a-z]+_[a-z_]+");

  @Test
  void everyToolHasAOneSentenceDescriptionAndEveryParameterAP() {
    // given
    List<Method> tools = new ArrayList<>();
    for (Class<?> type : TOOL_CLASSES) {
      for (Method m : type.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Tool.class)) {
          tools.add(m);
        }
      }
    }

    // then
    assertThat(tools).hasSize(16);
    for (Method m : tools) {
      Tool tool = m.getAnnotation(Tool.class);
      String description = String.join(" ", tool.value()).strip();
      assertThat(tool.name()).as(m.getName()).matches(VERB_OBJECT);
      assertThat(description)
          .as("description of %s", tool.name())
          .matches("[A-Z][^\\n]*\\.")
          .doesNotContain(". ", "? ", "! ");
      assertThat(m.getReturnType()).as(tool.name()).isEqualTo(String.class);
      for (Parameter p : m.getParameters()) {
        P param = p.getAnnotation(P.class);
        assertThat(param).as("@P on %s of %s", p, tool.name()).isNotNull();
        assertThat(param.name()).as("name of %s of %s", p, tool.name()).isNotBlank();
        assertThat(param.value()).as("description of %s", param.name()).isNotBlank();
      }
    }
  }

  @Test
  void langChain4jBuildsASchemaForEveryClass() {
    // given
    List<ToolSpecification> all = new ArrayList<>();

    // when
    for (Class<?> type : TOOL_CLASSES) {
      all.addAll(ToolSpecifications.toolSpecificationsFrom(type));
    }
    ToolSpecifications.validateSpecifications(all);

    // then
    assertThat(all)
        .extracting(ToolSpecification::name)
        .containsExactlyInAnyOrder(
            "list_pods",
            "list_deployments",
            "describe_object",
            "read_logs",
            "list_events",
            "diagnose_namespace",
            "search_runbooks",
            "search_memories",
            "propose_action",
            "query_prometheus",
            "query_prometheus_range",
            "list_firing_alerts",
            "list_argocd_apps",
            "get_argocd_app",
            "diff_argocd_app",
            "search_dashboards");
    ToolSpecification logs =
        all.stream().filter(s -> s.name().equals("read_logs")).findFirst().orElseThrow();
    assertThat(logs.parameters().required()).containsExactly("name");
    assertThat(logs.parameters().properties())
        .containsKeys("name", "namespace", "container", "previous", "tailLines", "cluster");
    ToolSpecification range =
        all.stream()
            .filter(s -> s.name().equals("query_prometheus_range"))
            .findFirst()
            .orElseThrow();
    assertThat(range.parameters().required()).containsExactly("promql", "range");
  }

  @Test
  void familiesMapToToolsAndProposalsAreAlwaysThere() {
    // given
    ToolContext ctx = Contexts.memory(() -> null, List.of());
    Set<ToolFamily> asked = EnumSet.of(ToolFamily.LOGS, ToolFamily.MEMORY, ToolFamily.ARGOCD);

    // when
    List<Object> tools = AgentTools.forFamilies(asked, ctx);

    // then
    assertThat(tools)
        .extracting(Object::getClass)
        .containsExactly(KubernetesLogTools.class, MemoryTools.class, ProposalTools.class);
    assertThat(AgentTools.unavailable(asked)).containsExactly(ToolFamily.ARGOCD);
    assertThat(AgentTools.forFamilies(EnumSet.allOf(ToolFamily.class), ctx)).hasSize(7);
    assertThat(AgentTools.unavailable(EnumSet.allOf(ToolFamily.class)))
        .containsExactly(ToolFamily.PROMETHEUS, ToolFamily.ARGOCD, ToolFamily.GRAFANA);
  }

  @Test
  void integrationFamiliesGetToolsOnlyWhenTheirClientIsConfigured() {
    // given
    ToolContext ctx = Contexts.memory(() -> null, List.of());
    Set<ToolFamily> asked =
        EnumSet.of(ToolFamily.PROMETHEUS, ToolFamily.ARGOCD, ToolFamily.GRAFANA);
    Integrations some =
        new Integrations(
            PrometheusClient.of("http://prometheus.monitoring:9090"),
            null,
            null,
            new GrafanaClient("http://grafana.monitoring/", null, Duration.ofSeconds(1)));

    // when
    List<Object> tools = AgentTools.forFamilies(asked, ctx, some);

    // then
    assertThat(tools)
        .extracting(Object::getClass)
        .containsExactly(PrometheusTools.class, GrafanaTools.class, ProposalTools.class);
    assertThat(AgentTools.unavailable(asked, some)).containsExactly(ToolFamily.ARGOCD);
    assertThat(AgentTools.unavailable(asked, Integrations.NONE)).isEqualTo(asked);
    assertThat(AgentTools.forFamilies(asked, ctx, null))
        .extracting(Object::getClass)
        .containsExactly(ProposalTools.class);
    assertThat(
            AgentTools.unavailable(
                EnumSet.of(ToolFamily.PROMETHEUS),
                new Integrations(null, AlertmanagerClient.of("http://am:9093"), null, null)))
        .isEmpty();
  }
}
