package dev.jamiescarlet.bot.commands;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command with who asked and where.
 *
 * @param verb the verb
 * @param options option values by long name
 * @param flags boolean flags that were given, by long name
 * @param args positional arguments
 * @param context who asked, where, and the tools to answer with
 */
public record Invocation(
    String verb,
    Map<String, String> options,
    Set<String> flags,
    List<String> args,
    CommandContext context) {

  /** Copies. */
  public Invocation {
    options = Map.copyOf(options);
    flags = Set.copyOf(flags);
    args = List.copyOf(args);
  }

  /** An option's value, or null. */
  public String option(String name) {
    return options.get(name);
  }

  /** Whether a boolean flag was given. */
  public boolean flag(String name) {
    return flags.contains(name);
  }

  /** The i-th positional argument, or null. */
  public String arg(int i) {
    return i < args.size() ? args.get(i) : null;
  }

  /** {@code --cluster}, else the channel's default (null means the registry's default). */
  public String cluster() {
    String given = option("cluster");
    return given != null ? given : context.defaultCluster();
  }

  /** {@code -n}, else {@code fallback}. */
  public String namespace(String fallback) {
    String given = option("namespace");
    return given != null ? given : fallback;
  }

  /** The command line this invocation stands for, with one option set to another value. */
  public String commandLine(String option, String value) {
    StringBuilder sb = new StringBuilder(verb);
    for (String arg : args) {
      sb.append(' ').append(arg.contains(" ") ? "\"" + arg + "\"" : arg);
    }
    java.util.Map<String, String> all = new java.util.TreeMap<>(options);
    all.put(option, value);
    all.forEach((name, v) -> sb.append(" --").append(name).append(' ').append(v));
    new java.util.TreeSet<>(flags).forEach(flag -> sb.append(" --").append(flag));
    return sb.toString();
  }
}
