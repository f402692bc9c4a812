package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import java.util.List;
import java.util.Optional;

/** {@code events}: what the cluster has been saying, newest first. */
public final class EventsCommand implements Command {
  private static final Syntax SYNTAX =
      Syntax.of("events")
          .namespace()
          .flag("warnings", "w")
          .flag("all-namespaces", "A")
          .cluster()
          .build();

  @Override
  public String verb() {
    return "events";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "Recent events, newest first; --warnings for the ones that matter.";
  }

  @Override
  public Message run(Invocation inv) {
    ClusterInfo cluster = inv.context().clusters().resolve(inv.cluster());
    String ns = inv.flag("all-namespaces") ? null : inv.namespace(cluster.defaultNamespace());
    boolean warnings = inv.flag("warnings");
    List<EventSummary> events = inv.context().kubernetes().events(cluster.name(), ns, warnings);
    String where = Format.where(cluster.name(), ns);
    String kind = warnings ? "warning events" : "events";
    if (events.isEmpty()) {
      Optional<Message> noNamespace = Namespaces.missing(inv, cluster.name(), ns);
      if (noNamespace.isPresent()) {
        return noNamespace.get();
      }
      return Replies.nothing(
          "No " + kind + " in " + where + ".", "Kubernetes keeps events for about an hour.");
    }
    long warningCount = events.stream().filter(e -> "Warning".equals(e.type())).count();
    String title =
        (warnings ? "Warning events" : "Events") + " in " + (ns == null ? "all namespaces" : ns);
    return Message.builder(events.size() + " " + kind + ", " + warningCount + " warnings")
        .header(title)
        .code(null, lines(events))
        .context(where + " · " + events.size() + " " + kind + " · newest first")
        .build();
  }

  /** One line per event: age, type, reason, object, count, message. */
  static String lines(List<EventSummary> events) {
    int reasonWidth = 0;
    int objectWidth = 0;
    for (EventSummary e : events) {
      reasonWidth = Math.max(reasonWidth, e.reason() == null ? 0 : e.reason().length());
      objectWidth = Math.max(objectWidth, e.object() == null ? 0 : e.object().length());
    }
    StringBuilder sb = new StringBuilder();
    for (EventSummary e : events) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      String count = e.count() > 1 ? " (x" + e.count() + ")" : "";
      sb.append(pad(Format.age(e.lastSeen()), 4))
          .append(' ')
          .append(pad(e.type(), 7))
          .append(' ')
          .append(pad(e.reason(), reasonWidth))
          .append(' ')
          .append(pad(e.object(), objectWidth))
          .append(' ')
          .append(e.message() == null ? "" : e.message().strip())
          .append(count);
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    String v = s == null ? "" : s;
    return v.length() >= width ? v : v + " ".repeat(width - v.length());
  }
}
