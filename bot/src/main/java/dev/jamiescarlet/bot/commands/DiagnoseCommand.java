package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.message.Status;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.diagnosis.Diagnoser;
import dev.jamiescarlet.tools.diagnosis.Diagnosis;
import dev.jamiescarlet.tools.diagnosis.Fabric8Diagnoser;
import dev.jamiescarlet.tools.diagnosis.Finding;
import dev.jamiescarlet.tools.diagnosis.Severity;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** {@code diagnose}: what is wrong, why, and what to look at next — deterministic, no LLM. */
public final class DiagnoseCommand implements Command {
  /** Findings shown in full; two blocks each keeps the message under Slack's 50 blocks. */
  static final int MAX_FINDINGS = 20;

  static final int MAX_ACTION_ID = 255;

  private static final int MAX_SECTION = 3000;

  private static final Syntax SYNTAX =
      Syntax.of("diagnose")
          .optionalArg("KIND/NAME")
          .namespace()
          .flag("all-namespaces", "A")
          .cluster()
          .build();

  private final Function<CommandContext, Diagnoser> diagnosers;
  private final boolean runbooks;
  private BooleanSupplier investigations = () -> false;

  /** Diagnoses through fabric8 with the context's clusters. */
  public DiagnoseCommand() {
    this(false);
  }

  /** Diagnoses through fabric8; {@code runbooks} adds a Runbook button to each finding. */
  public DiagnoseCommand(boolean runbooks) {
    this(runbooks, () -> false);
  }

  /**
   * As above; while {@code investigations} holds, each finding offers "Investigate with Scarlet".
   */
  public DiagnoseCommand(boolean runbooks, BooleanSupplier investigations) {
    this(ctx -> new Fabric8Diagnoser(ctx.clusters(), ctx.clock()), runbooks);
    this.investigations = investigations;
  }

  /** Diagnoses with the diagnoser the function gives, for tests. */
  DiagnoseCommand(Function<CommandContext, Diagnoser> diagnosers, boolean runbooks) {
    this.diagnosers = Objects.requireNonNull(diagnosers, "diagnosers");
    this.runbooks = runbooks;
  }

  @Override
  public String verb() {
    return "diagnose";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "What is failing and why — crash loops, bad images, OOM kills, unschedulable pods,"
        + " stuck rollouts, failed jobs, nodes — with the next command to run.";
  }

  @Override
  public Message run(Invocation inv) {
    ClusterInfo cluster = inv.context().clusters().resolve(inv.cluster());
    String target = inv.arg(0);
    String ns =
        inv.flag("all-namespaces") && target == null
            ? null
            : inv.namespace(cluster.defaultNamespace());
    Diagnosis diagnosis = diagnosers.apply(inv.context()).diagnose(cluster.name(), ns, target);
    String scope =
        (target == null ? "" : "`" + Mrkdwn.escape(target) + "` in ")
            + (ns == null ? "all namespaces" : "`" + Mrkdwn.escape(ns) + "`")
            + " on `"
            + Mrkdwn.escape(cluster.name())
            + "`";
    String in = target == null ? "in " : "for ";
    if (diagnosis.healthy()) {
      String text = "No problems found " + in + scope;
      return Message.builder(text)
          .section(Status.HEALTHY.emoji() + " " + text + ".")
          .context(footer(diagnosis))
          .build();
    }
    List<Finding> findings = diagnosis.findings();
    Message.Builder m =
        Message.builder(plural(findings.size(), "problem") + " " + in + scope.replace("`", ""))
            .header(
                "Diagnosis: "
                    + (target == null ? "" : target + " in ")
                    + (ns == null ? "all namespaces" : ns)
                    + " on "
                    + cluster.name());
    Set<String> actionIds = new HashSet<>();
    boolean investigate = investigations.getAsBoolean();
    for (Finding f : findings.subList(0, Math.min(MAX_FINDINGS, findings.size()))) {
      m.section(Mrkdwn.truncate(section(f), MAX_SECTION));
      List<Block.Button> buttons = buttons(f, cluster.name(), actionIds);
      if (runbooks && buttons.size() < Workloads.MAX_BUTTONS) {
        buttons.add(runbookButton(f, actionIds));
      }
      if (investigate && buttons.size() < Workloads.MAX_BUTTONS) {
        buttons.add(investigateButton(f, actionIds));
      }
      if (!buttons.isEmpty()) {
        m.actions(buttons);
      }
    }
    if (findings.size() > MAX_FINDINGS) {
      m.context(
          "…and "
              + (findings.size() - MAX_FINDINGS)
              + " more; narrow it down with `-n NS` or `KIND/NAME`.");
    }
    return m.context(footer(diagnosis)).build();
  }

  static String emoji(Severity severity) {
    return switch (severity) {
      case CRITICAL -> Status.FAILING.emoji();
      case WARNING -> Status.PENDING.emoji();
      case INFO -> Status.DEGRADED.emoji();
    };
  }

  private static String section(Finding f) {
    StringBuilder sb = new StringBuilder();
    sb.append(emoji(f.severity())).append(" *").append(Mrkdwn.escape(f.title())).append('*');
    if (f.object().namespace() != null) {
      sb.append("  _").append(Mrkdwn.escape(f.object().namespace())).append('_');
    }
    for (String line : f.evidence()) {
      sb.append('\n');
      if (line.startsWith("  ")) {
        // a log line: quoted, so it reads as the app's words rather than ours
        sb.append(">").append(Mrkdwn.escape(line.strip()));
      } else {
        sb.append("• ").append(Mrkdwn.escape(line));
      }
    }
    sb.append("\n*Likely cause:* ").append(Mrkdwn.escapeFormatted(f.likelyCause()));
    sb.append("\n*Next step:* ").append(Mrkdwn.escapeFormatted(f.nextStep()));
    return sb.toString();
  }

  private static List<Block.Button> buttons(Finding f, String cluster, Set<String> actionIds) {
    List<Block.Button> out = new ArrayList<>();
    for (String command : f.commands()) {
      if (out.size() == Workloads.MAX_BUTTONS) {
        break;
      }
      String value = command + " --cluster " + cluster;
      String actionId = Buttons.RUN_PREFIX + value;
      if (actionId.length() > MAX_ACTION_ID) {
        actionId = actionId.substring(0, MAX_ACTION_ID - 8);
      }
      // Slack rejects a message whose action_ids repeat; the value still carries the command
      String unique = actionId;
      for (int i = 2; !actionIds.add(unique); i++) {
        unique = actionId.substring(0, Math.min(actionId.length(), MAX_ACTION_ID - 8)) + "#" + i;
      }
      out.add(
          Block.Button.of(
              Format.cut(label(command) + ": " + f.object().name(), 75), unique, value));
    }
    return out;
  }

  /** Looks the finding up in the runbooks: its title says what is wrong in their words. */
  private static Block.Button runbookButton(Finding f, Set<String> actionIds) {
    String value = "runbook " + f.title();
    String actionId = Buttons.RUN_PREFIX + Format.cut(value, MAX_ACTION_ID - 8);
    String unique = actionId;
    for (int i = 2; !actionIds.add(unique); i++) {
      unique = actionId + "#" + i;
    }
    return Block.Button.of("Runbook", unique, value);
  }

  /** Hands the finding to Scarlet as a question. */
  private static Block.Button investigateButton(Finding f, Set<String> actionIds) {
    String where = f.object().namespace() == null ? "" : " in " + f.object().namespace();
    String value =
        Format.cut("why is " + f.object().name() + where + " failing: " + f.title() + "?", 1_900);
    String unique = Buttons.INVESTIGATE;
    for (int i = 2; !actionIds.add(unique); i++) {
      unique = Buttons.INVESTIGATE + "#" + i;
    }
    return Block.Button.of("Investigate with Scarlet", unique, value);
  }

  static String label(String command) {
    if (command.startsWith("logs ")) {
      return command.contains("--previous") ? "Show previous logs" : "Show logs";
    }
    if (command.startsWith("describe ")) {
      return "Describe";
    }
    if (command.startsWith("restart ")) {
      return "Restart…";
    }
    if (command.startsWith("rollback ")) {
      return "Roll back…";
    }
    int space = command.indexOf(' ');
    return "Run " + (space < 0 ? command : command.substring(0, space));
  }

  private static String footer(Diagnosis d) {
    String where = Format.where(d.cluster(), d.namespace());
    String line = where + " · " + plural(d.podsChecked(), "pod") + " checked";
    if (!d.skipped().isEmpty()) {
      line += " · not checked: " + String.join(", ", d.skipped());
    }
    return line;
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
