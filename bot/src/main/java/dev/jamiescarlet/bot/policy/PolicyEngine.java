package dev.jamiescarlet.bot.policy;

import dev.jamiescarlet.bot.render.Links;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.kubernetes.Identity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides who may do what where, and who may approve it; every answer explains itself. */
public final class PolicyEngine {
  /** What a refused write says when there is no policy file. */
  public static final String WRITES_OFF =
      "Writes are off: set JAMIE_POLICY_FILE to a policy (see docs/policy.md)";

  private final Policy policy;
  private final Duration defaultTtl;

  /**
   * An engine over a policy, or over none (read-only) when {@code policy} is null.
   *
   * @param defaultTtl the approval lifetime when the policy does not set one
   */
  public PolicyEngine(Policy policy, Duration defaultTtl) {
    this.policy = policy;
    this.defaultTtl = defaultTtl;
  }

  /** The policy, if there is one. */
  public Optional<Policy> policy() {
    return Optional.ofNullable(policy);
  }

  /** How long approvals stay valid: the policy's {@code approvals.ttl}, else the setting. */
  public Duration approvalTtl() {
    return policy != null && policy.approvalTtl() != null ? policy.approvalTtl() : defaultTtl;
  }

  /** Whom a Slack user's Kubernetes calls impersonate, when the policy maps them. */
  public Optional<KubernetesIdentity> kubernetesIdentity(String userId) {
    return policy == null ? Optional.empty() : policy.kubernetesIdentity(userId);
  }

  /** The identity a Slack user's Kubernetes calls run as: their mapping, else the bot's own. */
  public Identity identityOf(String userId) {
    return kubernetesIdentity(userId)
        .map(k -> new Identity(k.user(), k.groups()))
        .orElse(Identity.BOT);
  }

  /** May this person do this here? */
  public Decision decide(Request r) {
    if (policy == null) {
      return Policy.READ.equals(r.verb())
          ? new Decision(
              true, "no policy file: everyone may read", "Anyone may read.", false, List.of())
          : new Decision(
              false,
              "no policy file: nobody may write",
              Links.user(r.userId()) + " may not " + r.what() + ". " + WRITES_OFF + ".",
              false,
              List.of());
    }
    for (Binding b : policy.bindings()) {
      if (grants(b, r.userId(), r.userGroups(), r.channelId(), r)) {
        return allowed(r, b);
      }
    }
    return denied(r);
  }

  /**
   * May {@code approverId} approve (or run) what {@code requesterId} asked for? A second-approver
   * action refuses its own requester.
   */
  public Decision canApprove(
      String approverId, Set<String> approverGroups, Request request, String requesterId) {
    Decision forRequest = decide(request);
    List<String> others = without(forRequest.whoCanApprove(), requesterId);
    if (forRequest.needsSecondApprover() && approverId.equals(requesterId)) {
      return new Decision(
          false,
          "production scope: second approver",
          Links.user(approverId)
              + ", you asked for "
              + request.what()
              + " yourself; production needs a second approver who is not the requester."
              + askLine(others),
          true,
          others);
    }
    Request asApprover =
        new Request(
            approverId,
            approverGroups,
            request.channelId(),
            request.verb(),
            request.cluster(),
            request.namespace());
    Decision own = decide(asApprover);
    if (!own.allowed()) {
      return new Decision(
          false,
          own.rule(),
          Links.user(approverId)
              + " may not approve "
              + request.what()
              + ": "
              + own.rule()
              + "."
              + askLine(without(own.whoCanApprove(), requesterId)),
          forRequest.needsSecondApprover(),
          without(own.whoCanApprove(), requesterId));
    }
    return new Decision(
        true,
        own.rule(),
        Links.user(approverId)
            + " may approve "
            + request.what()
            + " as "
            + Mrkdwn.escapeFormatted(own.rule())
            + ".",
        forRequest.needsSecondApprover(),
        others);
  }

  private Decision allowed(Request r, Binding b) {
    boolean second = !Policy.READ.equals(r.verb()) && isProduction(r);
    if (!second) {
      return new Decision(
          true,
          b.label(),
          Links.user(r.userId())
              + " may do "
              + r.what()
              + " as "
              + Mrkdwn.escapeFormatted(b.label())
              + ".",
          false,
          List.of());
    }
    List<String> approvers = without(whoCan(r), r.userId());
    return new Decision(
        true,
        b.label(),
        Links.user(r.userId())
            + " may do "
            + r.what()
            + " as "
            + Mrkdwn.escapeFormatted(b.label())
            + ", but it is production: a second person must approve it."
            + askLine(approvers),
        true,
        approvers);
  }

  private Decision denied(Request r) {
    List<String> held = new ArrayList<>();
    for (Binding b : policy.bindings()) {
      if (b.covers(r.userId(), r.userGroups(), r.channelId())) {
        held.add(
            "`"
                + Mrkdwn.escape(b.role())
                + "` ("
                + Mrkdwn.escape(b.label().substring(0, b.label().indexOf(' ')))
                + ") allows "
                + Mrkdwn.escape(String.valueOf(policy.roles().getOrDefault(b.role(), Set.of())))
                + " in "
                + Mrkdwn.escape(b.scope().describe()));
      }
    }
    List<String> approvers = without(whoCan(r), r.userId());
    String rule = "no rule grants " + r.what() + " to " + Links.user(r.userId());
    String yours =
        held.isEmpty()
            ? " No binding in " + Mrkdwn.escape(policy.source()) + " names you."
            : " Your roles: " + String.join("; ", held) + ".";
    return new Decision(
        false,
        rule,
        Links.user(r.userId())
            + " may not do "
            + r.what()
            + ": "
            + rule
            + "."
            + yours
            + askLine(approvers),
        !Policy.READ.equals(r.verb()) && isProduction(r),
        approvers);
  }

  private boolean grants(
      Binding b, String userId, Set<String> groups, String channelId, Request r) {
    return b.covers(userId, groups, channelId)
        && policy.allows(b.role(), r.verb())
        && b.scope().matches(r.cluster(), r.namespace());
  }

  private boolean isProduction(Request r) {
    return policy.production().stream().anyMatch(s -> s.matches(r.cluster(), r.namespace()));
  }

  /** Users and groups named by a binding that grants this verb here (channels name nobody). */
  private List<String> whoCan(Request r) {
    Set<String> who = new LinkedHashSet<>();
    for (Binding b : policy.bindings()) {
      if (policy.allows(b.role(), r.verb()) && b.scope().matches(r.cluster(), r.namespace())) {
        who.addAll(b.users());
        who.addAll(b.groups());
      }
    }
    return List.copyOf(who);
  }

  private static List<String> without(List<String> ids, String id) {
    return ids.stream().filter(x -> !x.equals(id)).toList();
  }

  private static String askLine(List<String> who) {
    if (who.isEmpty()) {
      return " Nobody else may approve it here; ask an admin to change the policy.";
    }
    List<String> mentions = who.stream().map(Links::mention).toList();
    return " Ask " + String.join(", ", mentions) + " to approve or run it.";
  }
}
