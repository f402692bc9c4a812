package dev.jamiescarlet.agents.definitions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A family of tools an agent may be allowed to call, named in YAML in lower case. */
public enum ToolFamily {
  KUBERNETES,
  LOGS,
  EVENTS,
  DIAGNOSIS,
  RUNBOOKS,
  MEMORY,
  PROMETHEUS,
  ARGOCD,
  GRAFANA;

  /** The name used in agent definitions, e.g. {@code argocd}. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The family with this YAML name, if there is one. */
  public static Optional<ToolFamily> fromYaml(String name) {
    return Arrays.stream(values()).filter(f -> f.yamlName().equals(name)).findFirst();
  }

  /** Every YAML name, comma-separated, for error messages. */
  public static String known() {
    return Arrays.stream(values()).map(ToolFamily::yamlName).collect(Collectors.joining(", "));
  }
}
