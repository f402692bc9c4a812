package dev.jamiescarlet.bot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyEngineTest {
  private static final String POLICY =
      """
      roles:
        viewer: [read]
        operator: [read, restart, scale, rollback, delete, suspend, resume]
        admin: ['*']
      bindings:
        - role: operator
          users: [U0ADA]
          scope: {clusters: ['*'], namespaces: [shop]}
        - role: viewer
          users: [U0BOB]
        - role: admin
          users: [U0CAT]
        - role: operator
          groups: [S0SRE]
          scope: {clusters: [prod-*]}
        - role: operator
          channels: [C0OPS]
          scope: {namespaces: [payments]}
      kubernetes:
        U0ADA: {user: ada, groups: [shop-operators]}
      production:
        - clusters: [tenant-b]
      approvals:
        ttl: 10m
      """;

  private final PolicyEngine engine =
      new PolicyEngine(Policy.parse(POLICY, "policy.yaml"), Duration.ofMinutes(15));

  private static Request req(String user, String verb, String cluster, String ns) {
    return new Request(user, Set.of(), "C0SHOP", verb, cluster, ns);
  }

  @Test
  void anOperatorMayRestartInTheirNamespace() {
    // when Ada restarts in shop
    Decision d = engine.decide(req("U0ADA", "restart", "demo", "shop"));

    // then the operator binding allows it, no second approver
    assertThat(d.allowed()).isTrue();
    assertThat(d.rule()).isEqualTo("bindings[0] (role `operator`)");
    assertThat(d.needsSecondApprover()).isFalse();
    assertThat(d.reason()).contains("<@U0ADA>", "`restart` on `demo/shop`");
  }

  @Test
  void aRefusalSaysWhoWhatWhichRuleAndWhoCanApprove() {
    // when Ada restarts outside shop
    Decision d = engine.decide(req("U0ADA", "restart", "demo", "kube-system"));

    // then it names the missing rule, her roles and who could do it
    assertThat(d.allowed()).isFalse();
    assertThat(d.rule()).isEqualTo("no rule grants `restart` on `demo/kube-system` to <@U0ADA>");
    assertThat(d.reason())
        .contains("`operator` (bindings[0])", "namespaces [shop]", "Ask <@U0CAT>");
    assertThat(d.whoCanApprove()).containsExactly("U0CAT");
  }

  @Test
  void aViewerMayReadButNotWrite() {
    assertThat(engine.decide(req("U0BOB", "read", "demo", "kube-system")).allowed()).isTrue();

    Decision d = engine.decide(req("U0BOB", "scale", "demo", "shop"));
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).contains("`viewer` (bindings[1]) allows [read]");
    assertThat(d.whoCanApprove()).containsExactly("U0ADA", "U0CAT");
  }

  @Test
  void someoneNoBindingNamesIsToldSo() {
    Decision d = engine.decide(req("U0DAN", "read", "demo", "shop"));
    assertThat(d.allowed()).isFalse();
    assertThat(d.reason()).contains("No binding in policy.yaml names you");
  }

  @Test
  void groupsAndChannelsGrantRoles() {
    // given Dan is in the SRE group
    Request sre = new Request("U0DAN", Set.of("S0SRE"), "C0X", "restart", "prod-eu", "shop");
    assertThat(engine.decide(sre).allowed()).isTrue();
    assertThat(engine.decide(sre).rule()).isEqualTo("bindings[3] (role `operator`)");

    // and anyone asking in #ops may operate payments
    Request ops = new Request("U0DAN", Set.of(), "C0OPS", "rollback", "demo", "payments");
    assertThat(engine.decide(ops).allowed()).isTrue();
    Request elsewhere = new Request("U0DAN", Set.of(), "C0X", "rollback", "demo", "payments");
    assertThat(engine.decide(elsewhere).allowed()).isFalse();
  }

  @Test
  void productionWritesNeedASecondApproverButReadsDoNot() {
    Decision write = engine.decide(req("U0ADA", "restart", "tenant-b", "shop"));
    assertThat(write.allowed()).isTrue();
    assertThat(write.needsSecondApprover()).isTrue();
    assertThat(write.whoCanApprove()).containsExactly("U0CAT").doesNotContain("U0ADA");
    assertThat(write.reason()).contains("production", "Ask <@U0CAT>");

    assertThat(engine.decide(req("U0ADA", "read", "tenant-b", "shop")).needsSecondApprover())
        .isFalse();
  }

  @Test
  void theRequesterCannotApproveTheirOwnProductionAction() {
    Request r = req("U0CAT", "delete", "tenant-b", "shop");
    Decision self = engine.canApprove("U0CAT", Set.of(), r, "U0CAT");
    assertThat(self.allowed()).isFalse();
    assertThat(self.reason()).contains("second approver who is not the requester");
    assertThat(self.whoCanApprove()).containsExactly("U0ADA");

    assertThat(engine.canApprove("U0ADA", Set.of(), r, "U0CAT").allowed()).isTrue();
  }

  @Test
  void anApproverNeedsTheRightThemselves() {
    Request r = req("U0ADA", "restart", "tenant-b", "shop");
    Decision bob = engine.canApprove("U0BOB", Set.of(), r, "U0ADA");
    assertThat(bob.allowed()).isFalse();
    assertThat(bob.reason()).contains("<@U0BOB> may not approve", "Ask <@U0CAT>");

    // outside production anyone allowed may approve, including the requester
    Request plain = req("U0ADA", "restart", "demo", "shop");
    assertThat(engine.canApprove("U0ADA", Set.of(), plain, "U0ADA").allowed()).isTrue();
  }

  @Test
  void identitiesAndTtlComeFromThePolicy() {
    assertThat(engine.kubernetesIdentity("U0ADA"))
        .contains(new KubernetesIdentity("ada", java.util.List.of("shop-operators")));
    assertThat(engine.kubernetesIdentity("U0BOB")).isEmpty();
    assertThat(engine.approvalTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(engine.policy()).isPresent();
  }

  @Test
  void withoutAPolicyFileEveryoneReadsAndNobodyWrites() {
    PolicyEngine none = new PolicyEngine(null, Duration.ofMinutes(15));

    assertThat(none.decide(req("U0ANY", "read", "demo", "shop")).allowed()).isTrue();
    Decision write = none.decide(req("U0ANY", "restart", "demo", "shop"));
    assertThat(write.allowed()).isFalse();
    assertThat(write.reason())
        .contains("Writes are off: set JAMIE_POLICY_FILE to a policy (see docs/policy.md)");
    assertThat(none.approvalTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(none.kubernetesIdentity("U0ANY")).isEmpty();
  }

  @Test
  void theDemoPolicyMatchesTheDemoUsers() {
    PolicyEngine demo = new PolicyEngine(Policy.demo(), Duration.ofMinutes(15));
    assertThat(demo.decide(req("U0ADA", "restart", "demo", "shop")).allowed()).isTrue();
    assertThat(demo.decide(req("U0ADA", "restart", "demo", "kube-system")).allowed()).isFalse();
    assertThat(demo.decide(req("U0BOB", "read", "demo", "kube-system")).allowed()).isTrue();
    assertThat(demo.decide(req("U0BOB", "restart", "demo", "shop")).allowed()).isFalse();
    assertThat(demo.decide(req("U0CAT", "delete", "demo", "kube-system")).allowed()).isTrue();
    assertThat(demo.decide(req("U0CAT", "delete", "tenant-b", "shop")).needsSecondApprover())
        .isTrue();
  }

  @Test
  void scopePatterns() {
    assertThat(Scope.glob("*", "anything")).isTrue();
    assertThat(Scope.glob("prod-*", "prod-eu")).isTrue();
    assertThat(Scope.glob("prod-*", "staging")).isFalse();
    assertThat(Scope.glob("*-prod", "eu-prod")).isTrue();
    assertThat(Scope.glob("a*a", "a")).isFalse();
    assertThat(new Scope(java.util.List.of("*"), java.util.List.of("shop")).matches("x", null))
        .isFalse();
  }
}
