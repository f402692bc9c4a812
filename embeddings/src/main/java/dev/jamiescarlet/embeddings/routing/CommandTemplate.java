package dev.jamiescarlet.embeddings.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A command line with slots: {@code logs {workload} -n {namespace} [--tail {number}]}. A slot
 * outside brackets is required; a bracketed group is written only when all its slots have values;
 * {@code {?flag}} writes nothing but needs the flag.
 */
public final class CommandTemplate {
  private final String source;
  private final List<List<String>> groups = new ArrayList<>();
  private final List<Boolean> optional = new ArrayList<>();

  private CommandTemplate(String source) {
    this.source = source;
  }

  /** Parses a template; unbalanced brackets are a mistake in the intents file. */
  public static CommandTemplate parse(String source) {
    CommandTemplate template = new CommandTemplate(source);
    List<String> current = new ArrayList<>();
    boolean inGroup = false;
    for (String word : source.trim().split(" +")) {
      String w = word;
      if (w.startsWith("[")) {
        if (inGroup) {
          throw new IllegalArgumentException("Nested [ in command template: " + source);
        }
        template.add(current, false);
        current = new ArrayList<>();
        inGroup = true;
        w = w.substring(1);
      }
      boolean close = w.endsWith("]");
      if (close) {
        if (!inGroup) {
          throw new IllegalArgumentException("] without [ in command template: " + source);
        }
        w = w.substring(0, w.length() - 1);
      }
      if (!w.isEmpty()) {
        current.add(w);
      }
      if (close) {
        template.add(current, true);
        current = new ArrayList<>();
        inGroup = false;
      }
    }
    if (inGroup) {
      throw new IllegalArgumentException("[ without ] in command template: " + source);
    }
    template.add(current, false);
    return template;
  }

  private void add(List<String> words, boolean isOptional) {
    if (!words.isEmpty()) {
      groups.add(List.copyOf(words));
      optional.add(isOptional);
    }
  }

  /** The verb: the template's first word. */
  public String verb() {
    return groups.get(0).get(0);
  }

  /** Slots that must have a value, in order. */
  public Set<String> required() {
    Set<String> out = new LinkedHashSet<>();
    for (int g = 0; g < groups.size(); g++) {
      if (!optional.get(g)) {
        groups.get(g).stream().map(CommandTemplate::slot).filter(s -> s != null).forEach(out::add);
      }
    }
    return out;
  }

  /** Every slot, required or optional. */
  public Set<String> slots() {
    Set<String> out = new LinkedHashSet<>();
    groups.forEach(
        g -> g.stream().map(CommandTemplate::slot).filter(s -> s != null).forEach(out::add));
    return out;
  }

  /** The required slots {@code values} lacks. */
  public List<String> missing(Map<String, String> values) {
    return required().stream().filter(s -> blank(values.get(s))).toList();
  }

  /** The command line, or null when a required slot has no value. */
  public String render(Map<String, String> values) {
    if (!missing(values).isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      List<String> words = groups.get(g);
      boolean complete =
          words.stream()
              .map(CommandTemplate::slot)
              .allMatch(s -> s == null || !blank(values.get(s)));
      if (!complete) {
        continue;
      }
      for (String w : words) {
        String slot = slot(w);
        if (slot == null) {
          out.add(w);
        } else if (!w.startsWith("{?")) {
          out.add(values.get(slot));
        }
      }
    }
    return String.join(" ", out);
  }

  /** The usage line, slots in capitals: {@code logs WORKLOAD -n NAMESPACE [--tail NUMBER]}. */
  public String usage() {
    List<String> out = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      List<String> words = new ArrayList<>();
      for (String w : groups.get(g)) {
        String slot = slot(w);
        if (slot == null) {
          words.add(w);
        } else if (!w.startsWith("{?")) {
          words.add(slot.toUpperCase(Locale.ROOT));
        }
      }
      String joined = String.join(" ", words);
      out.add(optional.get(g) ? "[" + joined + "]" : joined);
    }
    return String.join(" ", out);
  }

  @Override
  public String toString() {
    return source;
  }

  /** The slot a word is ({@code {x}} or {@code {?x}}), or null for a literal. */
  private static String slot(String word) {
    if (word.length() > 2 && word.startsWith("{") && word.endsWith("}")) {
      return word.startsWith("{?")
          ? word.substring(2, word.length() - 1)
          : word.substring(1, word.length() - 1);
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
