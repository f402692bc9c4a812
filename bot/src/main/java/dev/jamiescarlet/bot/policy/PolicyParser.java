package dev.jamiescarlet.bot.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.jamiescarlet.bot.config.Durations;
import dev.jamiescarlet.tools.yaml.BoundedYaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns policy YAML into a {@link Policy}, collecting every problem with its field and fix. */
final class PolicyParser {
  // limits on depth, size and aliases: a hostile file fails fast
  private static final YAMLMapper YAML = BoundedYaml.mapper();
  private static final Set<String> TOP =
      Set.of("roles", "bindings", "kubernetes", "production", "approvals");

  private final String source;
  private final List<String> problems = new ArrayList<>();

  PolicyParser(String source) {
    this.source = source;
  }

  Policy parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new PolicyException(
          List.of(source + ": is not valid YAML (" + e.getOriginalMessage() + ")"));
    }
    if (root == null || !root.isObject()) {
      throw new PolicyException(
          List.of(
              source + ": must be a mapping with `roles:` and `bindings:` (see docs/policy.md)"));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOP.contains(key)) {
        problem(key, "is not a policy section; use one of " + TOP.stream().sorted().toList());
      }
    }
    Map<String, Set<String>> roles = roles(root.path("roles"));
    List<Binding> bindings = bindings(root.path("bindings"), roles);
    Map<String, KubernetesIdentity> kube = kubernetes(root.path("kubernetes"));
    List<Scope> production = production(root.path("production"));
    Duration ttl = ttl(root.path("approvals"));
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    return new Policy(source, roles, bindings, kube, production, ttl);
  }

  private void problem(String field, String text) {
    problems.add(source + ": " + field + " " + text);
  }

  private Map<String, Set<String>> roles(JsonNode node) {
    Map<String, Set<String>> roles = new LinkedHashMap<>();
    if (!node.isObject() || node.isEmpty()) {
      problem("roles", "must map role names to verbs, e.g. `viewer: [read]`");
      return roles;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = "roles." + e.getKey();
      Set<String> verbs = new LinkedHashSet<>(strings(e.getValue(), field, "[read, restart]"));
      for (String verb : verbs) {
        if (!verb.equals("*") && !Policy.VERBS.contains(verb)) {
          problem(
              field,
              "has unknown verb `" + verb + "`; verbs are " + Policy.VERBS + " or '*' for all");
        }
      }
      roles.put(e.getKey(), verbs);
    }
    return roles;
  }

  private List<Binding> bindings(JsonNode node, Map<String, Set<String>> roles) {
    List<Binding> bindings = new ArrayList<>();
    if (!node.isArray()) {
      problem("bindings", "must be a list of `- role: … users: [U…] scope: …` entries");
      return bindings;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode b = node.get(i);
      String field = "bindings[" + i + "]";
      String role = b.path("role").asText("");
      if (role.isEmpty()) {
        problem(field + ".role", "is missing; name one of the roles: " + roles.keySet());
      } else if (!roles.containsKey(role)) {
        problem(
            field + ".role",
            "`"
                + role
                + "` is not a defined role (roles: "
                + String.join(", ", roles.keySet())
                + ")");
      }
      List<String> users = ids(b.path("users"), field + ".users", 'U', "W");
      List<String> groups = ids(b.path("groups"), field + ".groups", 'S', "");
      List<String> channels = ids(b.path("channels"), field + ".channels", 'C', "DG");
      if (users.isEmpty() && groups.isEmpty() && channels.isEmpty()) {
        problem(field, "names nobody; add `users: [U…]`, `groups: [S…]` or `channels: [C…]`");
      }
      Scope scope = b.has("scope") ? scope(b.get("scope"), field + ".scope") : Scope.ALL;
      bindings.add(new Binding(i, role, users, groups, channels, scope));
    }
    return bindings;
  }

  private Map<String, KubernetesIdentity> kubernetes(JsonNode node) {
    Map<String, KubernetesIdentity> map = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return map;
    }
    if (!node.isObject()) {
      problem("kubernetes", "must map Slack user IDs to `{user: …, groups: […]}`");
      return map;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = "kubernetes." + e.getKey();
      String user = e.getValue().path("user").asText("");
      if (user.isEmpty()) {
        problem(field + ".user", "is missing; give the Kubernetes user to impersonate");
      }
      List<String> groups =
          e.getValue().has("groups")
              ? strings(e.getValue().get("groups"), field + ".groups", "[dev-team]")
              : List.of();
      map.put(e.getKey(), new KubernetesIdentity(user, groups));
    }
    return map;
  }

  private List<Scope> production(JsonNode node) {
    List<Scope> scopes = new ArrayList<>();
    if (node.isMissingNode() || node.isNull()) {
      return scopes;
    }
    if (!node.isArray()) {
      problem("production", "must be a list of scopes, e.g. `- clusters: [prod-*]`");
      return scopes;
    }
    for (int i = 0; i < node.size(); i++) {
      scopes.add(scope(node.get(i), "production[" + i + "]"));
    }
    return scopes;
  }

  private Duration ttl(JsonNode node) {
    JsonNode ttl = node.path("ttl");
    if (ttl.isMissingNode() || ttl.isNull()) {
      return null;
    }
    try {
      Duration d = Durations.parse(ttl.asText());
      if (d.isZero()) {
        throw new IllegalArgumentException("zero");
      }
      return d;
    } catch (IllegalArgumentException e) {
      problem("approvals.ttl", "`" + ttl.asText() + "` is not a duration; write e.g. 15m or 1h");
      return null;
    }
  }

  private Scope scope(JsonNode node, String field) {
    if (!node.isObject()) {
      problem(field, "must be `{clusters: [...], namespaces: [...]}`");
      return Scope.ALL;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("clusters") && !key.equals("namespaces")) {
        problem(field + "." + key, "is not a scope field; use `clusters` and `namespaces`");
      }
    }
    List<String> clusters =
        node.has("clusters") ? strings(node.get("clusters"), field + ".clusters", "['*']") : null;
    List<String> namespaces =
        node.has("namespaces")
            ? strings(node.get("namespaces"), field + ".namespaces", "[shop]")
            : null;
    return new Scope(
        clusters == null ? List.of("*") : clusters, namespaces == null ? List.of("*") : namespaces);
  }

  private List<String> ids(JsonNode node, String field, char prefix, String alsoAllowed) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    List<String> ids = strings(node, field, "[" + prefix + "0123ABC]");
    for (String id : ids) {
      char first = id.isEmpty() ? ' ' : id.charAt(0);
      if (first != prefix && alsoAllowed.indexOf(first) < 0) {
        problem(
            field,
            "has `"
                + id
                + "`, which is not a Slack ID starting with "
                + prefix
                + "; copy the ID from the profile or channel details, not the name");
      }
    }
    return ids;
  }

  private List<String> strings(JsonNode node, String field, String example) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.asText());
      return out;
    }
    if (!node.isArray()) {
      problem(field, "must be a list, e.g. " + example);
      return out;
    }
    for (JsonNode n : node) {
      if (!n.isValueNode() || n.asText().isBlank()) {
        problem(field, "must hold plain names, e.g. " + example);
      } else {
        out.add(n.asText().strip());
      }
    }
    return out;
  }
}
