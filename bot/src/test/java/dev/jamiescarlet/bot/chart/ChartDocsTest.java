package dev.jamiescarlet.bot.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart's documentation cannot drift: values comments, appVersion and the metrics contract. */
class ChartDocsTest {
  private static final Pattern KEY = Pattern.compile("^( *)([a-z][A-Za-z0-9]*):(.*)$");
  private static final Pattern METRIC = Pattern.compile("\\bjamie_[a-z_]+");

  @Test
  void everyValueHasACommentAbove() throws IOException {
    List<String> lines = Files.readAllLines(RenderedChart.chartDir().resolve("values.yaml"));
    List<String> undocumented = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher key = KEY.matcher(lines.get(i));
      if (key.matches() && isLeaf(lines, i, key.group(1).length(), key.group(3))) {
        String above = i == 0 ? "" : lines.get(i - 1).trim();
        if (!above.startsWith("#")) {
          undocumented.add((i + 1) + ": " + lines.get(i).trim());
        }
      }
    }

    assertThat(undocumented).as("values.yaml lines without a comment above").isEmpty();
  }

  /** A value (scalar, list or free-form map) rather than a group of documented values. */
  private static boolean isLeaf(List<String> lines, int at, int indent, String rest) {
    if (!rest.isBlank()) {
      return true;
    }
    for (int j = at + 1; j < lines.size(); j++) {
      String next = lines.get(j);
      if (next.isBlank() || next.trim().startsWith("#")) {
        continue;
      }
      int nextIndent = next.length() - next.stripLeading().length();
      // a list, or a map of names that are not chart values (e.g. env names under secrets.keys)
      return nextIndent <= indent || next.trim().startsWith("-") || !KEY.matcher(next).matches();
    }
    return true;
  }

  @Test
  void appVersionIsTheProjectVersion() throws IOException {
    Path chart = RenderedChart.chartDir();
    String pom = Files.readString(chart.getParent().getParent().resolve("pom.xml"));
    Matcher version =
        Pattern.compile("<artifactId>jamie-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(version.find()).isTrue();
    JsonNode chartYaml = new YAMLMapper().readTree(chart.resolve("Chart.yaml").toFile());

    assertThat(chartYaml.get("appVersion").asText())
        .isEqualTo(version.group(1).replace("-SNAPSHOT", ""));
  }

  @Test
  void schemaIsDraft07() throws IOException {
    JsonNode schema =
        new YAMLMapper().readTree(RenderedChart.chartDir().resolve("values.schema.json").toFile());

    assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
  }

  @Test
  void everyMetricTheRulesAndDashboardUseIsInTheReadmeContract() throws IOException {
    RenderedChart chart = RenderedChart.renderFile("http-hpa-values.yaml");
    GenericKubernetesResource rule =
        (GenericKubernetesResource) chart.ofKind("PrometheusRule").get(0);
    ConfigMap dashboard = chart.configMap("jamie-dashboard").orElseThrow();
    String readme = Files.readString(RenderedChart.chartDir().resolve("README.md"));
    String contract =
        readme.substring(readme.indexOf("## Metrics contract"), readme.indexOf("## Security"));

    Set<String> used = metrics(Serialization.asYaml(rule.getAdditionalProperties()));
    Set<String> shown = metrics(dashboard.getData().get("jamie.json"));
    Set<String> listed = metrics(contract);

    assertThat(used).hasSize(5);
    assertThat(listed).containsAll(used).containsAll(shown);
    assertThat(shown).containsAll(used);
  }

  /** Metric base names: histogram series (_bucket, _sum, _count) count as their histogram. */
  private static Set<String> metrics(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      out.add(m.group().replaceAll("_(bucket|sum|count)$", ""));
    }
    return out;
  }
}
