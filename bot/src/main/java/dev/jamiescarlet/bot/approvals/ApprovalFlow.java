package dev.jamiescarlet.bot.approvals;

import com.mongodb.MongoException;
import dev.jamiescarlet.bot.audit.AuditLog;
import dev.jamiescarlet.bot.audit.AuditUnavailableException;
import dev.jamiescarlet.bot.audit.Phase;
import dev.jamiescarlet.bot.commands.Command;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.CommandLine;
import dev.jamiescarlet.bot.commands.Commands;
import dev.jamiescarlet.bot.commands.Invocation;
import dev.jamiescarlet.bot.commands.WriteCommand;
import dev.jamiescarlet.bot.commands.WriteGate;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.policy.Decision;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.policy.Request;
import dev.jamiescarlet.tools.actions.Actions;
import dev.jamiescarlet.tools.actions.Preview;
import dev.jamiescarlet.tools.actions.Result;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.argocd.ArgoCdException;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.Identity;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every write's path: policy → preview with a server-side dry run → proposal with Confirm / Cancel
 * → (second approver on production scopes) → one claim → audit → execution as the requester's
 * Kubernetes identity → the proposal replaced by the outcome. Fails closed when audit is down.
 */
public final class ApprovalFlow implements WriteGate {
  /** action_id of Confirm. */
  public static final String CONFIRM = "approval.confirm";

  /** action_id of Cancel. */
  public static final String CANCEL = "approval.cancel";

  private static final Logger log = LoggerFactory.getLogger(ApprovalFlow.class);

  private final PolicyEngine policy;
  private final Actions actions;
  private final Approvals approvals;
  private final AuditLog audit;
  private final Commands commands;
  private final ClusterRegistry clusters;
  private final KubernetesReads reads;
  private final Clock clock;
  private final Function<String, Set<String>> groupsOf;
  private final List<WriteListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * What a click produced: a replacement for the proposal message, a note only the clicker sees, or
   * both (either may be null).
   */
  public record Click(Message replacement, Message note) {
    static Click note(String text) {
      return new Click(
          null, Message.builder(text).section(":no_entry: " + text).ephemeral().build());
    }
  }

  /** A flow over the bot's policy, actions, store and commands. */
  public ApprovalFlow(
      PolicyEngine policy,
      Actions actions,
      Approvals approvals,
      AuditLog audit,
      Commands commands,
      ClusterRegistry clusters,
      KubernetesReads reads,
      Clock clock) {
    this(policy, actions, approvals, audit, commands, clusters, reads, clock, user -> Set.of());
  }

  /** As above, with each person's Slack user groups for group bindings. */
  public ApprovalFlow(
      PolicyEngine policy,
      Actions actions,
      Approvals approvals,
      AuditLog audit,
      Commands commands,
      ClusterRegistry clusters,
      KubernetesReads reads,
      Clock clock,
      Function<String, Set<String>> groupsOf) {
    this.groupsOf = groupsOf;
    this.policy = policy;
    this.actions = actions;
    this.approvals = approvals;
    this.audit = audit;
    this.commands = commands;
    this.clusters = clusters;
    this.reads = reads;
    this.clock = clock;
  }

  @Override
  public Message propose(Invocation inv, String cluster, WriteAction action) {
    String user = inv.context().userId();
    String channel = inv.context().channelId();
    Decision d = policy.decide(request(user, channel, cluster, action));
    if (!d.allowed()) {
      record(user, channel, cluster, action, Phase.DENIED, d.rule(), null);
      return ApprovalMessages.refusal(d);
    }
    Identity as = policy.identityOf(user);
    Preview preview = actions.preview(cluster, as, action);
    String command = canonical(inv, cluster, action.namespace());
    String id =
        approvals.create(
            user,
            command,
            cluster,
            action.namespace(),
            action.verb(),
            d.needsSecondApprover(),
            policy.approvalTtl());
    try {
      recordOrThrow(user, channel, cluster, action, Phase.REQUESTED, command, null);
    } catch (AuditUnavailableException e) {
      approvals.cancel(id, "audit");
      return ApprovalMessages.auditDown(action);
    }
    return ApprovalMessages.proposal(preview, id, user, d, policy.approvalTtl());
  }

  /**
   * Whether {@code clicker} must write a reason before confirming {@code id}: a production change
   * confirmed by someone other than its requester (the requester is refused straight away).
   */
  public boolean needsReason(String id, String clicker) {
    try {
      Approval a = approvals.find(id);
      return a != null
          && a.needsSecondApprover()
          && a.approver() == null
          && !a.requester().equals(clicker);
    } catch (MongoException | IllegalStateException e) {
      return false;
    }
  }

  /** The action an approval would run, in words, for the reason modal. */
  public String describe(String id) {
    Approval a = approvals.find(id);
    return a == null ? "this change" : a.action();
  }

  /** Someone clicked Confirm on approval {@code id}. */
  public Click confirm(String id, String clicker, String channel) {
    return confirm(id, clicker, channel, null);
  }

  /** Someone confirmed approval {@code id}, giving a reason (production scopes ask for one). */
  public Click confirm(String id, String clicker, String channel, String reason) {
    try {
      return confirmOrThrow(id, clicker, channel, reason);
    } catch (MongoException | IllegalStateException e) {
      log.error("approval {}: the store is unreachable: {}", id, e.getMessage());
      return Click.note("Nothing was run: I can't reach my store right now. Try again shortly.");
    }
  }

  private Click confirmOrThrow(String id, String clicker, String channel, String reason) {
    Approval a = approvals.find(id);
    if (a == null) {
      return Click.note("I have no approval `" + id + "` any more; request the action again.");
    }
    WriteAction action;
    try {
      action = rebuild(a, channel);
    } catch (RuntimeException e) {
      log.error("approval {} holds a command I cannot parse: {}", id, a.action(), e);
      return Click.note("I cannot rebuild this action any more; request it again.");
    }
    if (a.state() == ApprovalState.EXPIRED
        || a.state() == ApprovalState.PENDING && !a.expiresAt().isAfter(clock.instant())) {
      // refused before any approval step, and offered again with a fresh preview
      Outcome late = approvals.claim(id, clicker);
      record(a.requester(), channel, a.cluster(), action, Phase.EXPIRED, late.message(), clicker);
      return new Click(ApprovalMessages.expired(action, late.message(), a.action()), null);
    }
    Request asked = request(a.requester(), channel, a.cluster(), action);
    if (a.needsSecondApprover() && a.approver() == null) {
      Decision d = policy.canApprove(clicker, groupsOf.apply(clicker), asked, a.requester());
      if (!d.allowed()) {
        return Click.note(d.reason());
      }
      Outcome approved = approvals.approve(id, clicker);
      if (!approved.ok()) {
        return Click.note(approved.message());
      }
    } else {
      Decision d = policy.decide(request(clicker, channel, a.cluster(), action));
      if (!d.allowed()) {
        record(clicker, channel, a.cluster(), action, Phase.DENIED, d.rule(), null);
        return Click.note(d.reason());
      }
    }
    Outcome claimed = approvals.claim(id, clicker);
    if (!claimed.ok()) {
      if (claimed.approval() != null && claimed.approval().state() == ApprovalState.EXPIRED) {
        record(
            a.requester(), channel, a.cluster(), action, Phase.EXPIRED, claimed.message(), clicker);
        return new Click(ApprovalMessages.expired(action, claimed.message(), a.action()), null);
      }
      return Click.note(claimed.message());
    }
    return execute(a, action, clicker, channel, reason);
  }

  /**
   * Pending approvals this person could confirm now: production ones waiting for someone other than
   * their requester, and others the policy lets them run (their own included).
   */
  public List<Approval> waitingFor(String userId) {
    List<Approval> out = new java.util.ArrayList<>();
    for (Approval a : approvals.pending(50)) {
      Request asked =
          new Request(
              a.requester(),
              groupsOf.apply(a.requester()),
              null,
              a.verb(),
              a.cluster(),
              a.namespace());
      boolean can =
          a.needsSecondApprover() && a.approver() == null
              ? policy.canApprove(userId, groupsOf.apply(userId), asked, a.requester()).allowed()
              : policy
                  .decide(
                      new Request(
                          userId,
                          groupsOf.apply(userId),
                          null,
                          a.verb(),
                          a.cluster(),
                          a.namespace()))
                  .allowed();
      if (can) {
        out.add(a);
      }
    }
    return out;
  }

  /** Someone clicked Cancel on approval {@code id}: the requester, or anyone who could run it. */
  public Click cancel(String id, String clicker, String channel) {
    try {
      return cancelOrThrow(id, clicker, channel);
    } catch (MongoException | IllegalStateException e) {
      log.error("approval {}: the store is unreachable: {}", id, e.getMessage());
      return Click.note(
          "I can't reach my store right now; it was not cancelled. Try again shortly.");
    }
  }

  private Click cancelOrThrow(String id, String clicker, String channel) {
    Approval a = approvals.find(id);
    if (a == null) {
      return Click.note("I have no approval `" + id + "` any more.");
    }
    WriteAction action = rebuild(a, channel);
    if (!clicker.equals(a.requester())
        && !policy.decide(request(clicker, channel, a.cluster(), action)).allowed()) {
      return Click.note(
          "Only <@" + a.requester() + "> or someone allowed to " + a.verb() + " can cancel this.");
    }
    if (!approvals.cancel(id, clicker)) {
      return Click.note("Too late to cancel: it already ran, expired or was cancelled.");
    }
    record(a.requester(), channel, a.cluster(), action, Phase.CANCELLED, "cancelled", clicker);
    return new Click(ApprovalMessages.cancelled(action, clicker), null);
  }

  private Click execute(
      Approval a, WriteAction action, String clicker, String channel, String reason) {
    String approvedDetail =
        reason == null || reason.isBlank()
            ? a.action()
            : a.action() + " (reason: " + reason.strip() + ")";
    try {
      recordOrThrow(
          a.requester(), channel, a.cluster(), action, Phase.APPROVED, approvedDetail, clicker);
    } catch (AuditUnavailableException e) {
      // fail closed: nothing runs that the audit log cannot show
      log.error("audit unavailable; {} was not run", action.describe());
      return new Click(ApprovalMessages.auditDown(action), null);
    }
    Message outcome;
    Phase phase;
    String detail;
    try {
      Result r = actions.execute(a.cluster(), policy.identityOf(a.requester()), action);
      outcome = ApprovalMessages.done(r, a.requester(), clicker);
      phase = Phase.EXECUTED;
      detail = r.message();
      tell(a.cluster(), action, a.requester(), clicker, r.message());
    } catch (KubernetesToolException | ArgoCdException e) {
      outcome = ApprovalMessages.failed(action, a.cluster(), e.getMessage(), clicker);
      phase = Phase.FAILED;
      detail = e.getMessage();
    }
    record(a.requester(), channel, a.cluster(), action, phase, detail, clicker);
    return new Click(outcome, null);
  }

  /** Adds a listener told about every executed write. */
  public void onExecuted(WriteListener listener) {
    listeners.add(listener);
  }

  private void tell(
      String cluster, WriteAction action, String requester, String approver, String result) {
    for (WriteListener l : listeners) {
      try {
        l.executed(cluster, action, requester, approver, result);
      } catch (RuntimeException e) {
        // a listener never changes the outcome of a write that already ran
        log.warn("a write listener failed after {}: {}", action.describe(), e.getMessage());
      }
    }
  }

  /** Audits best effort: for phases after which nothing more runs (denied, expired, done). */
  private void record(
      String user,
      String channel,
      String cluster,
      WriteAction action,
      Phase phase,
      String detail,
      String approver) {
    try {
      recordOrThrow(user, channel, cluster, action, phase, detail, approver);
    } catch (AuditUnavailableException e) {
      log.error("audit unavailable: could not record {} of {}", phase, action.describe());
    }
  }

  /** Audits, or throws: for phases that must be on record before anything runs. */
  private void recordOrThrow(
      String user,
      String channel,
      String cluster,
      WriteAction action,
      Phase phase,
      String detail,
      String approver) {
    audit.record(
        MDC.get("request_id"),
        user,
        channel,
        cluster,
        action.namespace(),
        action.verb(),
        action.target(),
        phase,
        detail,
        approver);
  }

  private Request request(String user, String channel, String cluster, WriteAction action) {
    return new Request(
        user, groupsOf.apply(user), channel, action.verb(), cluster, action.namespace());
  }

  private WriteAction rebuild(Approval a, String channel) {
    List<String> tokens = CommandLine.tokenize(a.action());
    Command command =
        commands
            .find(CommandLine.verbOf(tokens))
            .orElseThrow(() -> new IllegalStateException("no command for " + a.action()));
    if (!(command instanceof WriteCommand write)) {
      throw new IllegalStateException(a.action() + " is not a write command");
    }
    CommandContext context =
        new CommandContext(
            a.requester(), channel, a.cluster(), clusters, reads, commands, clock, audit, this);
    Invocation inv = CommandLine.parse(command.syntax(), tokens, context);
    return write.action(inv, a.namespace());
  }

  /** The command line as typed, with the cluster and namespace it resolved to made explicit. */
  static String canonical(Invocation inv, String cluster, String namespace) {
    StringBuilder sb = new StringBuilder(inv.verb());
    for (String arg : inv.args()) {
      sb.append(' ').append(arg);
    }
    inv.options()
        .forEach(
            (name, value) -> {
              if (!name.equals("namespace") && !name.equals("cluster")) {
                sb.append(" --").append(name).append(' ').append(value);
              }
            });
    inv.flags().forEach(flag -> sb.append(" --").append(flag));
    if (namespace != null) {
      sb.append(" -n ").append(namespace);
    }
    return sb.append(" --cluster ").append(cluster).toString();
  }
}
