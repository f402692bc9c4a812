package dev.jamiescarlet.bot.approvals;

import dev.jamiescarlet.bot.commands.Command;
import dev.jamiescarlet.bot.commands.CommandContext;
import dev.jamiescarlet.bot.commands.CommandLine;
import dev.jamiescarlet.bot.commands.Invocation;
import dev.jamiescarlet.bot.commands.UsageException;
import dev.jamiescarlet.bot.commands.WriteCommand;
import dev.jamiescarlet.bot.policy.Decision;
import dev.jamiescarlet.bot.policy.PolicyEngine;
import dev.jamiescarlet.bot.policy.Request;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.actions.Actions;
import dev.jamiescarlet.tools.actions.Preview;
import dev.jamiescarlet.tools.actions.WriteAction;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides, without a model, whether a command line an agent suggests may become a proposal: it must
 * parse as a write command, name an object the agent saw, be allowed by policy, pass a server-side
 * dry run and stay within a small blast radius. It never executes anything.
 */
public final class ProposalJudge {
  /** The most pods an agent's proposal may touch unless configured otherwise. */
  public static final int DEFAULT_MAX_PODS = 10;

  /** Namespaces agents may never propose changes in. */
  public static final Set<String> SYSTEM_NAMESPACES =
      Set.of("kube-system", "kube-public", "kube-node-lease");

  private final PolicyEngine policy;
  private final Actions actions;
  private final Function<String, Set<String>> groupsOf;
  private final int maxPods;

  /**
   * The judge's answer.
   *
   * @param allowed whether the command may be proposed to a person
   * @param checks the checks that passed, in order (parse, grounded, policy, dry run, blast radius)
   * @param refusal one sentence saying why not, or null when allowed
   * @param preview the dry-run preview, or null when the judge stopped before it
   */
  public record Verdict(boolean allowed, List<String> checks, String refusal, Preview preview) {
    /** Copies. */
    public Verdict {
      checks = List.copyOf(checks);
    }

    static Verdict refuse(List<String> passed, String why, Preview preview) {
      return new Verdict(false, passed, why, preview);
    }
  }

  /** A parsed write: the invocation, its resolved cluster and the action. */
  record Parsed(Invocation invocation, String cluster, WriteAction action) {}

  /** A judge allowing {@link #DEFAULT_MAX_PODS} pods, without Slack user groups. */
  public ProposalJudge(PolicyEngine policy, Actions actions) {
    this(policy, actions, user -> Set.of(), DEFAULT_MAX_PODS);
  }

  /** A judge with each person's Slack user groups and a maximum of pods a proposal may touch. */
  public ProposalJudge(
      PolicyEngine policy, Actions actions, Function<String, Set<String>> groupsOf, int maxPods) {
    if (maxPods < 1) {
      throw new IllegalArgumentException(
          "maxPods is " + maxPods + "; give 1 or more (the default is " + DEFAULT_MAX_PODS + ")");
    }
    this.policy = Objects.requireNonNull(policy, "policy");
    this.actions = Objects.requireNonNull(actions, "actions");
    this.groupsOf = Objects.requireNonNull(groupsOf, "groupsOf");
    this.maxPods = maxPods;
  }

  /**
   * Judges a command line an agent suggests on behalf of {@code ctx.userId()}.
   *
   * @param commandLine what the agent suggests, e.g. {@code restart deploy/checkout -n shop}
   * @param ctx who asked the agent, and where
   * @param grounded names the agent saw in tool output (object and namespace names); null skips
   *     that check
   */
  public Verdict judge(String commandLine, CommandContext ctx, Set<String> grounded) {
    List<String> passed = new ArrayList<>();
    Parsed parsed;
    try {
      parsed = parse(commandLine, ctx);
    } catch (UsageException | KubernetesToolException e) {
      return Verdict.refuse(passed, "it is not a command I can run: " + sentence(e), null);
    }
    passed.add("parse");
    WriteAction action = parsed.action();
    if (grounded != null) {
      Optional<String> unseen = unseen(action, grounded);
      if (unseen.isPresent()) {
        return Verdict.refuse(
            passed,
            "the agent never saw "
                + Mrkdwn.escapeFormatted(unseen.get())
                + " in what it looked at, so it may not be what you meant.",
            null);
      }
      passed.add("grounded");
    }
    String user = ctx.userId();
    Decision d =
        policy.decide(
            new Request(
                user,
                groupsOf.apply(user),
                ctx.channelId(),
                action.verb(),
                parsed.cluster(),
                action.namespace()));
    if (!d.allowed()) {
      return Verdict.refuse(passed, d.reason(), null);
    }
    passed.add("policy");
    Preview preview;
    try {
      preview = actions.preview(parsed.cluster(), policy.identityOf(user), action);
    } catch (KubernetesToolException e) {
      return Verdict.refuse(passed, sentence(e), null);
    }
    if (!preview.dryRun().passed()) {
      return Verdict.refuse(
          passed,
          "the API server's dry run refused it: "
              + Mrkdwn.escapeFormatted(preview.dryRun().message()),
          preview);
    }
    passed.add("dry run");
    String tooWide = blastRadius(action, preview);
    if (tooWide != null) {
      return Verdict.refuse(passed, tooWide, preview);
    }
    passed.add("blast radius");
    return new Verdict(true, passed, null, preview);
  }

  /** The number of pods a previewed action touches: those running, or those a scale adds. */
  static int podsAffected(Preview preview) {
    int pods = preview.pods().size();
    if (preview.action() instanceof WriteAction.Scale scale) {
      for (Preview.Change c : preview.changes()) {
        if (c.field().equals("replicas")) {
          pods = Math.max(pods, Math.abs(scale.replicas() - parseOr(c.from(), scale.replicas())));
        }
      }
    }
    return pods;
  }

  /** Parses like CommandRunner does, resolving cluster and namespace like WriteCommand.run. */
  static Parsed parse(String commandLine, CommandContext ctx) {
    String line = CommandLine.normalise(commandLine);
    List<String> tokens = CommandLine.tokenize(line);
    if (tokens.isEmpty()) {
      throw new UsageException("the command line is empty", null);
    }
    String verb = CommandLine.verbOf(tokens);
    Command command =
        ctx.commands()
            .find(verb)
            .orElseThrow(() -> new UsageException("`" + verb + "` is not one of my verbs", null));
    if (!(command instanceof WriteCommand write)) {
      throw new UsageException(
          "`" + verb + "` changes nothing, so there is nothing to approve", null);
    }
    Invocation inv = CommandLine.parse(command.syntax(), tokens, ctx);
    ClusterInfo cluster = ctx.clusters().resolve(inv.cluster());
    String namespace = inv.namespace(cluster.defaultNamespace());
    return new Parsed(inv, cluster.name(), write.action(inv, namespace));
  }

  private String blastRadius(WriteAction action, Preview preview) {
    if (action.namespace() == null || action.target().startsWith("node/")) {
      return "`"
          + action.verb()
          + "` acts on a whole node, and agents may not propose node-wide changes; run it"
          + " yourself if you mean it.";
    }
    if (SYSTEM_NAMESPACES.contains(action.namespace())) {
      return "agents may not propose changes in `"
          + Mrkdwn.escape(action.namespace())
          + "`, where the cluster's own components run; run it yourself if you mean it.";
    }
    int pods = podsAffected(preview);
    if (pods > maxPods) {
      return "it would touch "
          + pods
          + " pods, more than the "
          + maxPods
          + " an agent may propose; run it yourself if you mean it.";
    }
    return null;
  }

  /** The first of the target's name and namespace that is not among the grounded names. */
  private static Optional<String> unseen(WriteAction action, Set<String> grounded) {
    String target = action.target();
    String name = target.substring(target.indexOf('/') + 1);
    String ns = action.namespace();
    boolean nameSeen =
        grounded.contains(name)
            || grounded.contains(target)
            || ns != null && grounded.contains(ns + "/" + name);
    if (!nameSeen) {
      return Optional.of("`" + target + "`");
    }
    if (ns != null && !grounded.contains(ns)) {
      return Optional.of("namespace `" + ns + "`");
    }
    return Optional.empty();
  }

  private static int parseOr(String number, int fallback) {
    try {
      return Integer.parseInt(number.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String sentence(RuntimeException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    // the refusal is shown in Slack: the exception's `code` marks stay, nothing in it can ping
    return Mrkdwn.escapeFormatted(m.endsWith(".") ? m : m + ".");
  }
}
