package dev.jamiescarlet.bot.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jamiescarlet.agents.definitions.AgentDefinitions;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.bot.alerts.AlertRoutes;
import dev.jamiescarlet.bot.config.Settings;
import dev.jamiescarlet.bot.policy.Policy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy, routes and agent files the chart mounts are files the bot's own loaders accept. */
class ChartConfigFilesTest {
  @TempDir Path dir;

  @Test
  void mountedFilesLoadWhereTheEnvPointsTheBot() throws IOException {
    // given: the demo's policy, one route and one extra agent as values
    String policy;
    try (InputStream in = Policy.class.getResourceAsStream("/demo/policy.yaml")) {
      policy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, Object> values =
        Map.of(
            "config",
            Map.of(
                "policy",
                policy,
                "alertRoutes",
                "routes:\n  - match: [namespace=shop]\n    channel: C0SHOP\n",
                "agents",
                Map.of(
                    "ops.yaml",
                    "name: ops\nprompts: [shared/voice]\nmodel: {provider: openai}\n")));
    Path valuesFile = dir.resolve("values.yaml");
    new YAMLMapper().writeValue(valuesFile.toFile(), values);

    // when: rendered, and the ConfigMap laid out as the kubelet would under dir
    RenderedChart chart = RenderedChart.render(Optional.of(valuesFile), Map.of());
    PodSpec pod = chart.deployment().getSpec().getTemplate().getSpec();
    Container bot = pod.getContainers().get(0);
    ConfigMap cm = chart.configMap("jamie").orElseThrow();
    Path root = dir.resolve("pod");
    for (VolumeMount m : bot.getVolumeMounts()) {
      Volume v =
          pod.getVolumes().stream()
              .filter(x -> x.getName().equals(m.getName()))
              .findFirst()
              .orElseThrow();
      if (v.getConfigMap() != null) {
        assertThat(v.getConfigMap().getName()).isEqualTo(cm.getMetadata().getName());
        for (KeyToPath item : v.getConfigMap().getItems()) {
          Path file = inPod(root, m.getMountPath()).resolve(item.getPath());
          Files.createDirectories(file.getParent());
          Files.writeString(file, cm.getData().get(item.getKey()));
        }
      }
    }

    // then: each env setting names a file (or directory) the bot loads
    Path policyFile = inPod(root, ChartTest.env(bot, Settings.POLICY_FILE.name()).getValue());
    assertThat(Policy.load(policyFile).kubernetesIdentity("U0ADA")).isPresent();
    Path routes = inPod(root, ChartTest.env(bot, Settings.ALERT_ROUTES.name()).getValue());
    assertThat(AlertRoutes.load(routes, "C0DEFAULT").channel(Map.of("namespace", "shop")))
        .isEqualTo("C0SHOP");
    Path agents = inPod(root, ChartTest.env(bot, Settings.AGENTS_DIR.name()).getValue());
    assertThat(AgentDefinitions.load(agents, Map.of(), new PromptLibrary(null)).get("ops"))
        .isPresent();
    assertThat(chart.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
        .containsKey("checksum/config");
  }

  @Test
  void noConfigMeansNoConfigMapAndNoFileSettings() {
    RenderedChart chart = RenderedChart.render(Map.of());
    Container bot = chart.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(chart.configMap("jamie")).isEmpty();
    assertThat(bot.getEnv())
        .noneMatch(
            e ->
                e.getName().equals(Settings.POLICY_FILE.name())
                    || e.getName().equals(Settings.ALERT_ROUTES.name())
                    || e.getName().equals(Settings.AGENTS_DIR.name()));
  }

  private static Path inPod(Path root, String absolute) {
    return root.resolve(absolute.substring(1));
  }
}
