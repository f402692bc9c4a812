package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.message.Status;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.Description;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code describe KIND/NAME}: the facts, the containers' states, and what is wrong. */
public final class DescribeCommand implements Command {
  private static final Syntax SYNTAX =
      Syntax.of("describe").arg("KIND/NAME").optionalArg("NAME").namespace().cluster().build();
  private static final int MAX_EVENTS = 10;

  @Override
  public String verb() {
    return "describe";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "One object like kubectl describe: facts, container states, conditions, events.";
  }

  @Override
  public Message run(Invocation inv) {
    String[] kindName = kindAndName(inv);
    ClusterInfo cluster = inv.context().clusters().resolve(inv.cluster());
    String ns = inv.namespace(cluster.defaultNamespace());
    Description d =
        inv.context().kubernetes().describe(cluster.name(), ns, kindName[0], kindName[1]);
    String title = d.kind() + " " + (d.namespace() == null ? "" : d.namespace() + "/") + d.name();
    Message.Builder m = Message.builder(title).header(title);
    if (d.problems().isEmpty()) {
      m.section(Status.of(d.health()).emoji() + " No problems found.");
    } else {
      StringBuilder s = new StringBuilder();
      for (String problem : d.problems()) {
        if (!s.isEmpty()) {
          s.append('\n');
        }
        s.append(Status.of(d.health()).emoji())
            .append(' ')
            .append(Mrkdwn.escape(Format.cut(problem, 600)));
      }
      m.section(s.toString());
    }
    List<Block.Field> fields = new ArrayList<>();
    for (Map.Entry<String, String> f : d.fields().entrySet()) {
      fields.add(new Block.Field(f.getKey(), Format.cut(f.getValue(), 500)));
    }
    if (!fields.isEmpty()) {
      m.fields(fields);
    }
    if (!d.containers().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (Description.ContainerState c : d.containers()) {
        rows.add(
            List.of(
                c.name(),
                c.state(),
                c.ready() ? "yes" : "no",
                String.valueOf(c.restarts()),
                c.image()));
      }
      m.table(List.of("CONTAINER", "STATE", "READY", "RESTARTS", "IMAGE"), rows);
    }
    if (!d.conditions().isEmpty()) {
      m.code("Conditions", String.join("\n", d.conditions()));
    }
    if (!d.events().isEmpty()) {
      m.code(
          "Events",
          EventsCommand.lines(d.events().subList(0, Math.min(MAX_EVENTS, d.events().size()))));
    }
    List<Block.Button> buttons = buttons(d, cluster.name());
    if (!buttons.isEmpty()) {
      m.actions(buttons);
    }
    return m.context(Format.where(cluster.name(), d.namespace())).build();
  }

  private static List<Block.Button> buttons(Description d, String cluster) {
    String kind = d.kind().toLowerCase(java.util.Locale.ROOT);
    if (!kind.equals("pod") && !kind.equals("deployment") || d.namespace() == null) {
      return List.of();
    }
    String target = (kind.equals("pod") ? "pod/" : "deploy/") + d.name();
    String where = " -n " + d.namespace() + " --cluster " + cluster;
    String logs = "logs " + target + where;
    String events = "events" + where + " --warnings";
    List<Block.Button> out = new ArrayList<>();
    out.add(Block.Button.of("Logs", Buttons.RUN_PREFIX + logs, logs));
    boolean restarted = d.containers().stream().anyMatch(c -> c.restarts() > 0);
    if (restarted) {
      out.add(
          Block.Button.of(
              "Previous logs", Buttons.RUN_PREFIX + logs + " --previous", logs + " --previous"));
    }
    out.add(Block.Button.of("Warning events", Buttons.RUN_PREFIX + events, events));
    return out;
  }

  private static String[] kindAndName(Invocation inv) {
    String first = inv.arg(0);
    String second = inv.arg(1);
    int slash = first.indexOf('/');
    if (slash > 0 && slash < first.length() - 1 && second == null) {
      return new String[] {first.substring(0, slash), first.substring(slash + 1)};
    }
    if (slash < 0 && second != null) {
      return new String[] {first, second};
    }
    throw new UsageException(
        "say what to describe as KIND/NAME, e.g. `deploy/checkout`", SYNTAX.usage());
  }
}
