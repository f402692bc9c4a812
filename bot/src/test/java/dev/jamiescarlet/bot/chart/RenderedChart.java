package dev.jamiescarlet.bot.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** charts/jamie rendered by the real Helm library and parsed into fabric8 objects. */
record RenderedChart(String yaml, List<HasMetadata> objects) {
  static final String RELEASE = "jamie";
  static final String NAMESPACE = "ops";

  /** The chart directory, from the bot module or the repository root. */
  static Path chartDir() {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("charts")) ? here : here.getParent();
    return root.resolve("charts").resolve("jamie");
  }

  /** Renders like {@code helm template jamie charts/jamie -n ops -f file --set k=v}. */
  static RenderedChart render(Optional<Path> valuesFile, Map<String, Object> sets) {
    TemplateCommand template =
        new Helm(chartDir())
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            // helm-java's default is v1.20, below the chart's kubeVersion
            .withKubeVersion("1.31.0");
    if (valuesFile.isPresent()) {
      template = template.withValuesFile(valuesFile.get());
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      template = template.set(set.getKey(), set.getValue());
    }
    String yaml = template.call();
    return new RenderedChart(yaml, parse(yaml));
  }

  static RenderedChart render(Map<String, Object> sets) {
    return render(Optional.empty(), sets);
  }

  static RenderedChart renderFile(String ciValues) {
    return render(Optional.of(chartDir().resolve("ci").resolve(ciValues)), Map.of());
  }

  private static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> out = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      boolean empty = doc.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"));
      if (!empty) {
        out.add(Serialization.unmarshal(doc, HasMetadata.class));
      }
    }
    return out;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<HasMetadata> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
  }

  Deployment deployment() {
    List<Deployment> deployments = all(Deployment.class);
    if (deployments.size() != 1) {
      throw new AssertionError("expected one Deployment, got " + deployments.size());
    }
    return deployments.get(0);
  }

  Optional<ConfigMap> configMap(String name) {
    return all(ConfigMap.class).stream()
        .filter(c -> name.equals(c.getMetadata().getName()))
        .findFirst();
  }

  /** Every rule of every ClusterRole. */
  List<PolicyRule> clusterRules() {
    return all(ClusterRole.class).stream().flatMap(r -> r.getRules().stream()).toList();
  }

  /** Every rule of every namespaced Role. */
  List<PolicyRule> roleRules() {
    return all(Role.class).stream().flatMap(r -> r.getRules().stream()).toList();
  }

  /** The verbs granted on a resource by any ClusterRole rule. */
  List<String> clusterVerbs(String resource) {
    return clusterRules().stream()
        .filter(r -> r.getResources().contains(resource))
        .flatMap(r -> r.getVerbs().stream())
        .distinct()
        .toList();
  }

  /** All verbs in all ClusterRoles. */
  List<String> allClusterVerbs() {
    return clusterRules().stream()
        .flatMap(r -> Stream.of(r.getVerbs()))
        .flatMap(List::stream)
        .distinct()
        .toList();
  }
}
