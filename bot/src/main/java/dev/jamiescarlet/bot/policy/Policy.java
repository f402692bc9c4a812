package dev.jamiescarlet.bot.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated policy file: roles, who holds them where, Kubernetes identities, production scopes
 * and the approval lifetime. See docs/policy.md.
 *
 * @param source the file name, for messages
 * @param roles role name to the verbs it allows ({@code *} for all)
 * @param bindings who holds which role where, in file order
 * @param kubernetes Slack user ID to the Kubernetes identity their calls impersonate
 * @param production scopes where writes need a second approver
 * @param approvalTtl how long approvals stay valid, or null for {@code JAMIE_APPROVAL_TTL}
 */
public record Policy(
    String source,
    Map<String, Set<String>> roles,
    List<Binding> bindings,
    Map<String, KubernetesIdentity> kubernetes,
    List<Scope> production,
    Duration approvalTtl) {

  /** The read verb every role that may look at something has. */
  public static final String READ = "read";

  /** The verbs a role may list, besides {@code *}. */
  public static final List<String> VERBS =
      List.of(
          READ,
          "restart",
          "scale",
          "limits",
          "rollback",
          "delete",
          "suspend",
          "resume",
          "sync",
          "silence");

  /** Copies. */
  public Policy {
    roles = Map.copyOf(roles);
    bindings = List.copyOf(bindings);
    kubernetes = Map.copyOf(kubernetes);
    production = List.copyOf(production);
  }

  /** Reads and validates a policy file; a bad file fails with file, field and fix. */
  public static Policy load(Path file) {
    Path fileName = file.getFileName();
    String name = fileName == null ? file.toString() : fileName.toString();
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new PolicyException(
          List.of(
              name
                  + ": cannot be read ("
                  + e.getMessage()
                  + "); check JAMIE_POLICY_FILE and the file's permissions"));
    }
  }

  /** Validates policy YAML; {@code source} names it in messages. */
  public static Policy parse(String yaml, String source) {
    return new PolicyParser(source).parse(yaml);
  }

  /** The demo's policy, shipped in the jar. */
  public static Policy demo() {
    try (InputStream in = Policy.class.getResourceAsStream("/demo/policy.yaml")) {
      if (in == null) {
        throw new IllegalStateException("demo/policy.yaml is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo/policy.yaml");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read demo/policy.yaml: " + e.getMessage(), e);
    }
  }

  /** Whom a Slack user's Kubernetes calls impersonate, when mapped. */
  public Optional<KubernetesIdentity> kubernetesIdentity(String userId) {
    return Optional.ofNullable(kubernetes.get(userId));
  }

  /** Whether a role allows a verb. */
  boolean allows(String role, String verb) {
    Set<String> verbs = roles.getOrDefault(role, Set.of());
    return verbs.contains("*") || verbs.contains(verb);
  }
}
