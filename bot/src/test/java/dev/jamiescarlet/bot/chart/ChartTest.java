package dev.jamiescarlet.bot.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.jamiescarlet.bot.config.Settings;
import dev.jamiescarlet.tools.actions.WorkloadKind;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * charts/jamie: lint, then render default, HTTP-with-HPA and Kamaji values and check the objects.
 */
class ChartTest {
  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

  @Test
  void lintStrictPasses() {
    LintResult lint = new Helm(RenderedChart.chartDir()).lint().strict().call();

    assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
  }

  @Test
  void defaultClusterRoleOnlyReadsAndNeverSecrets() {
    RenderedChart chart = RenderedChart.render(Map.of());

    assertThat(chart.clusterRules()).isNotEmpty();
    assertThat(chart.allClusterVerbs()).allMatch(READ_VERBS::contains);
    assertThat(chart.clusterRules()).noneMatch(r -> r.getResources().contains("secrets"));
    assertThat(chart.roleRules()).isEmpty();
    for (String read :
        List.of(
            "pods",
            "pods/log",
            "events",
            "deployments",
            "replicasets",
            "statefulsets",
            "daemonsets",
            "jobs",
            "cronjobs",
            "nodes",
            "namespaces",
            "services",
            "endpoints",
            "configmaps",
            "persistentvolumeclaims",
            "tenantcontrolplanes")) {
      assertThat(chart.clusterVerbs(read))
          .as(read)
          .containsExactlyInAnyOrder("get", "list", "watch");
    }
  }

  @Test
  void writesAndImpersonationOnlyWhenEnabled() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of("rbac.writes.enabled", "true", "rbac.impersonation.enabled", "true"));

    // every kind the write commands restart or scale (tools/actions WorkloadKind) can be patched
    for (WorkloadKind kind : WorkloadKind.values()) {
      assertThat(chart.clusterVerbs(kind.noun() + "s")).as(kind.noun()).contains("patch");
    }
    assertThat(chart.clusterVerbs("cronjobs")).contains("patch");
    assertThat(chart.clusterVerbs("nodes")).contains("patch");
    assertThat(chart.clusterVerbs("pods")).contains("delete");
    assertThat(chart.clusterVerbs("secrets")).isEmpty();
    for (String who : List.of("users", "groups", "serviceaccounts")) {
      assertThat(chart.clusterVerbs(who)).as(who).containsExactly("impersonate");
    }

    RenderedChart writesOnly = RenderedChart.render(Map.of("rbac.writes.enabled", "true"));
    assertThat(writesOnly.allClusterVerbs()).contains("patch").doesNotContain("impersonate");
  }

  @Test
  void deploymentRunsHardenedWithProbesAndResources() {
    PodSpec pod = RenderedChart.render(Map.of()).deployment().getSpec().getTemplate().getSpec();
    Container bot = pod.getContainers().get(0);

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(bot.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(bot.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(bot.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");

    int port = Integer.parseInt(Settings.HTTP_PORT.defaultValue());
    assertThat(bot.getPorts().get(0).getContainerPort()).isEqualTo(port);
    assertThat(env(bot, Settings.HTTP_PORT.name()).getValue()).isEqualTo(String.valueOf(port));
    assertThat(bot.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(bot.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(bot.getReadinessProbe().getHttpGet().getPort().getStrVal())
        .isEqualTo(bot.getPorts().get(0).getName());

    Map<String, Quantity> requests = bot.getResources().getRequests();
    Map<String, Quantity> limits = bot.getResources().getLimits();
    assertThat(Quantity.getAmountInBytes(requests.get("cpu"))).isEqualByComparingTo("0.25");
    assertThat(Quantity.getAmountInBytes(requests.get("memory"))).isEqualByComparingTo("536870912");
    assertThat(Quantity.getAmountInBytes(limits.get("cpu"))).isEqualByComparingTo("1");
    assertThat(Quantity.getAmountInBytes(limits.get("memory"))).isEqualByComparingTo("1610612736");

    // read-only root: /tmp (ONNX Runtime's native library) and the embedded store are emptyDirs
    assertThat(mountedEmptyDir(pod, bot, "/tmp")).isTrue();
    String dataDir = env(bot, Settings.DATA_DIR.name()).getValue();
    assertThat(mountedEmptyDir(pod, bot, dataDir)).isTrue();
    assertThat(bot.getEnv()).noneMatch(e -> e.getName().equals(Settings.MONGODB_URI.name()));
  }

  @Test
  void defaultsRenderNoSecretNoHpaAndOneSocketModeReplica() {
    RenderedChart chart = RenderedChart.render(Map.of());
    Container bot = chart.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(chart.all(Secret.class)).isEmpty();
    assertThat(chart.all(HorizontalPodAutoscaler.class)).isEmpty();
    assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
    assertThat(chart.ofKind("PrometheusRule")).isEmpty();
    assertThat(chart.deployment().getSpec().getReplicas()).isEqualTo(1);
    assertThat(env(bot, Settings.SLACK_MODE.name()).getValue()).isEqualTo("socket");
    // socket mode cannot start without the app token; the signing secret may be absent
    EnvVar appToken = env(bot, Settings.SLACK_APP_TOKEN.name());
    assertThat(appToken.getValueFrom().getSecretKeyRef().getName()).isEqualTo("jamie");
    assertThat(appToken.getValueFrom().getSecretKeyRef().getOptional()).isFalse();
    assertThat(env(bot, Settings.SLACK_SIGNING_SECRET.name()).getValueFrom().getSecretKeyRef())
        .satisfies(ref -> assertThat(ref.getOptional()).isTrue());
    // every secret reaches the pod by reference, never as a literal value
    for (EnvVar e : bot.getEnv()) {
      Settings.ALL.stream()
          .filter(s -> s.name().equals(e.getName()) && s.secret())
          .forEach(s -> assertThat(e.getValue()).as(s.name()).isNull());
    }
  }

  @Test
  void everyEnvNameTheChartSetsIsASetting() {
    RenderedChart chart = RenderedChart.renderFile("http-hpa-values.yaml");
    Container bot = chart.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);

    List<String> known = Settings.ALL.stream().map(s -> s.name()).toList();
    assertThat(bot.getEnv())
        .extracting(EnvVar::getName)
        .filteredOn(n -> !n.equals("JAVA_TOOL_OPTIONS"))
        .allMatch(known::contains, "a setting in Settings.ALL");
  }

  @Test
  void httpModeScalesWithHpaAndSharedMongo() {
    RenderedChart chart = RenderedChart.renderFile("http-hpa-values.yaml");
    PodSpec pod = chart.deployment().getSpec().getTemplate().getSpec();
    Container bot = pod.getContainers().get(0);

    List<HorizontalPodAutoscaler> hpas = chart.all(HorizontalPodAutoscaler.class);
    assertThat(hpas).hasSize(1);
    assertThat(hpas.get(0).getSpec().getScaleTargetRef().getName())
        .isEqualTo(chart.deployment().getMetadata().getName());
    assertThat(hpas.get(0).getSpec().getMinReplicas()).isEqualTo(2);
    // the HPA owns the replica count
    assertThat(chart.deployment().getSpec().getReplicas()).isNull();
    assertThat(env(bot, Settings.SLACK_MODE.name()).getValue()).isEqualTo("http");
    assertThat(env(bot, Settings.SLACK_SIGNING_SECRET.name()).getValueFrom().getSecretKeyRef())
        .satisfies(ref -> assertThat(ref.getOptional()).isFalse());
    assertThat(env(bot, Settings.MONGODB_URI.name()).getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("MONGODB_URI");
    assertThat(bot.getEnv()).noneMatch(e -> e.getName().equals(Settings.DATA_DIR.name()));
    // Slack reaches /slack/events through the Ingress; nothing else is public
    assertThat(chart.all(Ingress.class))
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.getSpec().getRules().get(0).getHttp().getPaths())
                    .extracting(p -> p.getPath())
                    .containsExactly("/slack"));
    assertThat(RenderedChart.render(Map.of()).all(Ingress.class)).isEmpty();
    assertThat(chart.ofKind("ServiceMonitor")).hasSize(1);
    assertThat(chart.ofKind("PrometheusRule")).hasSize(1);
    assertThat(chart.configMap("jamie-dashboard"))
        .get()
        .satisfies(
            c -> assertThat(c.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1"));
  }

  @Test
  void socketModeWithHpaRefusesToRender() {
    assertThatThrownBy(
            () -> RenderedChart.render(Map.of("hpa.enabled", "true", "mongodb.enabled", "true")))
        .hasMessageContaining("Socket Mode")
        .hasMessageContaining("slack.mode=http");
  }

  @Test
  void schemaRejectsWrongTypesAndModes() {
    assertThatThrownBy(() -> RenderedChart.render(Map.of("replicaCount", "two")))
        .hasMessageContaining("/replicaCount");
    assertThatThrownBy(() -> RenderedChart.render(Map.of("slack.mode", "websocket")))
        .hasMessageContaining("/slack/mode");
    assertThatThrownBy(() -> RenderedChart.render(Map.of("replicaz", "1")))
        .hasMessageContaining("replicaz");
  }

  @Test
  void kamajiManagementValuesReadTenantKubeconfigsInTheirNamespaceOnly() {
    RenderedChart chart = RenderedChart.renderFile("kamaji-values.yaml");
    Container bot = chart.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);

    assertThat(env(bot, Settings.KAMAJI_ENABLED.name()).getValue()).isEqualTo("true");
    assertThat(chart.clusterVerbs("tenantcontrolplanes")).contains("list", "watch");
    assertThat(chart.allClusterVerbs()).allMatch(READ_VERBS::contains);
    assertThat(chart.clusterRules()).noneMatch(r -> r.getResources().contains("secrets"));
    assertThat(chart.ofKind("Role"))
        .singleElement()
        .satisfies(r -> assertThat(r.getMetadata().getNamespace()).isEqualTo("tenants"));
    PolicyRule secrets = chart.roleRules().get(0);
    assertThat(secrets.getResources()).containsExactly("secrets");
    assertThat(secrets.getVerbs()).containsExactly("get");
    assertThat(chart.ofKind("RoleBinding")).hasSize(1);

    RenderedChart named =
        RenderedChart.render(
            java.util.Optional.of(RenderedChart.chartDir().resolve("ci/kamaji-values.yaml")),
            Map.of("kamaji.secretNames[0]", "tenant-a-admin-kubeconfig"));
    assertThat(named.roleRules().get(0).getResourceNames())
        .containsExactly("tenant-a-admin-kubeconfig");
    assertThatThrownBy(() -> RenderedChart.render(Map.of("kamaji.enabled", "true")))
        .hasMessageContaining("kamaji.tenantNamespaces");
  }

  @Test
  void secretIsRenderedOnlyWhenAskedFor() {
    RenderedChart chart =
        RenderedChart.render(
            Map.of("secrets.create", "true", "secrets.values.SLACK_BOT_TOKEN", "xoxb-test"));

    assertThat(chart.all(Secret.class))
        .singleElement()
        .satisfies(
            s -> assertThat(s.getStringData()).containsEntry("SLACK_BOT_TOKEN", "xoxb-test"));
    assertThatThrownBy(() -> RenderedChart.render(Map.of("secrets.create", "true")))
        .hasMessageContaining("secrets.values");
  }

  static EnvVar env(Container c, String name) {
    return c.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name + " in " + c.getEnv()));
  }

  private static boolean mountedEmptyDir(PodSpec pod, Container c, String path) {
    return c.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .map(m -> volume(pod, m.getName()))
        .anyMatch(v -> v.getEmptyDir() != null);
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
