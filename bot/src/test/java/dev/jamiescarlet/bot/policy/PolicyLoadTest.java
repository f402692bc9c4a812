package dev.jamiescarlet.bot.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoadTest {
  @TempDir Path dir;

  @Test
  void loadsAFile() throws IOException {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(
        file, "roles: {viewer: [read]}\nbindings:\n  - role: viewer\n    users: [U1]\n");

    Policy p = Policy.load(file);

    assertThat(p.source()).isEqualTo("policy.yaml");
    assertThat(p.bindings()).hasSize(1);
    assertThat(p.bindings().get(0).scope()).isEqualTo(Scope.ALL);
    assertThat(p.approvalTtl()).isNull();
  }

  @Test
  void aMissingFileNamesTheSetting() {
    assertThatThrownBy(() -> Policy.load(dir.resolve("nope.yaml")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("nope.yaml: cannot be read")
        .hasMessageContaining("JAMIE_POLICY_FILE");
  }

  @Test
  void anUndefinedRoleNamesFileFieldAndTheRolesThereAre() {
    String yaml =
        """
        roles:
          viewer: [read]
          operator: [read, restart]
          admin: ['*']
        bindings:
          - {role: viewer, users: [U1]}
          - {role: admin, users: [U2]}
          - {role: opertor, users: [U3]}
        """;
    assertThatThrownBy(() -> Policy.parse(yaml, "policy.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "policy.yaml: bindings[2].role `opertor` is not a defined role (roles: viewer,"
                + " operator, admin)");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String yaml =
        """
        roles:
          viewer: [read, reboot]
        bindings:
          - role: viewer
          - role: viewer
            users: [ada]
            scope: {clusters: prod, zones: [a]}
        production: {clusters: [x]}
        approvals: {ttl: soon}
        extra: 1
        """;
    PolicyException e =
        (PolicyException)
            org.assertj.core.api.Assertions.catchThrowable(() -> Policy.parse(yaml, "p.yaml"));
    assertThat(e.problems())
        .anyMatch(l -> l.startsWith("p.yaml: extra is not a policy section"))
        .anyMatch(l -> l.contains("roles.viewer has unknown verb `reboot`"))
        .anyMatch(l -> l.contains("bindings[0] names nobody"))
        .anyMatch(l -> l.contains("bindings[1].users has `ada`, which is not a Slack ID"))
        .anyMatch(l -> l.contains("bindings[1].scope.zones is not a scope field"))
        .anyMatch(l -> l.contains("production must be a list"))
        .anyMatch(l -> l.contains("approvals.ttl `soon` is not a duration"));
    assertThat(e.problems()).hasSize(7);
  }

  @Test
  void notAMappingOrNotYaml() {
    assertThatThrownBy(() -> Policy.parse("- a\n- b\n", "p.yaml"))
        .hasMessageContaining("p.yaml: must be a mapping with `roles:` and `bindings:`");
    assertThatThrownBy(() -> Policy.parse("roles: [unclosed", "p.yaml"))
        .hasMessageContaining("p.yaml: is not valid YAML");
    assertThatThrownBy(() -> Policy.parse("roles: {}\nbindings: {}\n", "p.yaml"))
        .hasMessageContaining("p.yaml: roles must map role names to verbs")
        .hasMessageContaining("p.yaml: bindings must be a list");
  }

  @Test
  void kubernetesEntriesNeedAUser() {
    String yaml =
        """
        roles: {viewer: [read]}
        bindings: [{role: viewer, groups: [S1], channels: [C1]}]
        kubernetes:
          U1: {groups: [dev]}
          U2: {user: bob, groups: {a: 1}}
        """;
    assertThatThrownBy(() -> Policy.parse(yaml, "p.yaml"))
        .hasMessageContaining("p.yaml: kubernetes.U1.user is missing")
        .hasMessageContaining("p.yaml: kubernetes.U2.groups must be a list");
  }
}
