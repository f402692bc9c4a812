package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.LogRequest;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import java.util.List;

/** {@code logs POD|deploy/NAME}: the last lines, or the crashed instance's with --previous. */
public final class LogsCommand implements Command {
  private static final Syntax SYNTAX =
      Syntax.of("logs")
          .arg("POD|deploy/NAME")
          .namespace()
          .option("tail", null, "N")
          .flag("previous", "p")
          .option("container", "c", "CONTAINER")
          .cluster()
          .build();

  @Override
  public String verb() {
    return "logs";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "A pod's (or a deployment's pod's) last log lines; --previous for the crashed run.";
  }

  @Override
  public Message run(Invocation inv) {
    int tail = tail(inv.option("tail"));
    ClusterInfo cluster = inv.context().clusters().resolve(inv.cluster());
    String ns = inv.namespace(cluster.defaultNamespace());
    boolean previous = inv.flag("previous");
    LogRequest request = new LogRequest(inv.arg(0), inv.option("container"), tail, previous);
    LogResult result = inv.context().kubernetes().logs(cluster.name(), ns, request);
    String which = previous ? " (previous run)" : "";
    String title = "Logs of " + result.pod() + which;
    Message.Builder m = Message.builder(title).header(title);
    if (result.lines().isEmpty()) {
      m.section(
          "The container "
              + Mrkdwn.code(result.container())
              + " has written nothing"
              + which
              + ".");
    } else {
      m.code(null, String.join("\n", result.lines()));
    }
    StringBuilder context =
        new StringBuilder(Format.where(cluster.name(), ns))
            .append(" · container ")
            .append(Mrkdwn.code(result.container()))
            .append(" · last ")
            .append(result.lines().size())
            .append(" lines");
    if (!result.otherPods().isEmpty()) {
      context
          .append(" · also in this workload: ")
          .append(
              Mrkdwn.escape(
                  String.join(
                      ", ",
                      result.otherPods().subList(0, Math.min(3, result.otherPods().size())))));
    }
    if (!previous) {
      String command =
          "logs " + inv.arg(0) + " -n " + ns + " --cluster " + cluster.name() + " --previous";
      m.actions(List.of(Block.Button.of("Previous run", Buttons.RUN_PREFIX + command, command)));
    }
    return m.context(context.toString()).build();
  }

  private static int tail(String given) {
    if (given == null) {
      return LogRequest.DEFAULT_TAIL;
    }
    try {
      int n = Integer.parseInt(given);
      if (n < 1 || n > LogRequest.MAX_TAIL) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(
          "`--tail` takes a number of lines from 1 to "
              + LogRequest.MAX_TAIL
              + ", not `"
              + given
              + "`",
          SYNTAX.usage());
    }
  }
}
