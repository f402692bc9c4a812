package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.Mrkdwn;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a named object is not there, the objects of that kind whose names come close, each as a
 * button that runs the same command with that name instead.
 */
final class NameSuggestions {
  private static final int MAX = 5;
  private static final Set<String> POD_TARGETS = Set.of("logs");
  private static final Set<String> NODE_TARGETS = Set.of("cordon", "uncordon");

  private NameSuggestions() {}

  /** The offer, or null when there is nothing close to offer. */
  static Message offer(String notFound, Invocation inv, List<String> tokens) {
    String target = inv.arg(0);
    if (target == null) {
      return null;
    }
    int slash = target.indexOf('/');
    String kind = slash > 0 ? target.substring(0, slash) : defaultKind(inv.verb());
    String name = slash > 0 ? target.substring(slash + 1) : target;
    if (kind == null) {
      return null;
    }
    ClusterInfo cluster = inv.context().clusters().resolve(inv.cluster());
    String ns = inv.namespace(cluster.defaultNamespace());
    List<String> close = closest(name, inv.context().kubernetes().names(cluster.name(), ns, kind));
    if (close.isEmpty()) {
      return null;
    }
    List<Block.Button> buttons = new ArrayList<>();
    for (String candidate : close) {
      String replaced = slash > 0 ? kind + "/" + candidate : candidate;
      String command = replace(tokens, target, replaced);
      buttons.add(
          Block.Button.of(Format.cut(candidate, 75), Buttons.RUN_PREFIX + command, command));
    }
    return Message.builder(notFound)
        .section(":warning: " + Mrkdwn.escapeFormatted(notFound) + " Did you mean one of these?")
        .actions(buttons)
        .context("Each button runs the same command with that name.")
        .build();
  }

  private static String defaultKind(String verb) {
    if (POD_TARGETS.contains(verb)) {
      return "pod";
    }
    return NODE_TARGETS.contains(verb) ? "node" : null;
  }

  /** Names containing the typed one (or contained in it), then those within a few edits. */
  static List<String> closest(String typed, List<String> names) {
    String t = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, t.length() / 3);
    return names.stream()
        .filter(n -> !n.equals(typed))
        .filter(
            n -> {
              String l = n.toLowerCase(Locale.ROOT);
              return l.contains(t) || t.contains(l) || Suggestions.distance(t, l) <= allowed;
            })
        .sorted(Comparator.comparingInt(n -> Suggestions.distance(t, n.toLowerCase(Locale.ROOT))))
        .limit(MAX)
        .toList();
  }

  private static String replace(List<String> tokens, String from, String to) {
    List<String> out = new ArrayList<>();
    boolean done = false;
    for (String token : tokens) {
      if (!done && token.equals(from)) {
        out.add(to);
        done = true;
      } else {
        out.add(token.contains(" ") ? "\"" + token + "\"" : token);
      }
    }
    return String.join(" ", out);
  }
}
