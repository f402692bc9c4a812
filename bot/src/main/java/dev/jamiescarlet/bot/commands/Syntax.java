package dev.jamiescarlet.bot.commands;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verb's grammar: its options (with short aliases) and positional arguments.
 *
 * @param verb the verb
 * @param options options by long name
 * @param positionals names of positional arguments, in order
 * @param requiredPositionals how many of them are required
 * @param text the name of a free-text argument that takes the rest of the line as typed
 *     (apostrophes and dashes included, no options), or null
 */
public record Syntax(
    String verb,
    Map<String, Option> options,
    List<String> positionals,
    int requiredPositionals,
    String text) {

  /**
   * One option.
   *
   * @param name long name, typed as {@code --name}
   * @param alias short name typed as {@code -x}, or null
   * @param valueName the value's placeholder (NS, N…), or null for a boolean flag
   */
  public record Option(String name, String alias, String valueName) {
    /** Whether the option takes a value. */
    public boolean takesValue() {
      return valueName != null;
    }

    String usage() {
      String flag = alias != null ? "-" + alias : "--" + name;
      return valueName == null ? "[" + flag + "]" : "[" + flag + " " + valueName + "]";
    }
  }

  /** Starts a grammar for a verb. */
  public static Builder of(String verb) {
    return new Builder(verb);
  }

  /** The option with this long name or short alias. */
  public Optional<Option> find(String nameOrAlias) {
    Option byName = options.get(nameOrAlias);
    if (byName != null) {
      return Optional.of(byName);
    }
    return options.values().stream().filter(o -> nameOrAlias.equals(o.alias())).findFirst();
  }

  /** Whether the rest of the line is one free-text argument. */
  public boolean freeText() {
    return text != null;
  }

  /** The usage line, e.g. {@code pods [-n NS] [-l SELECTOR] [--cluster C]}. */
  public String usage() {
    StringBuilder sb = new StringBuilder(verb);
    if (text != null) {
      sb.append(' ').append(text);
    }
    for (int i = 0; i < positionals.size(); i++) {
      sb.append(' ')
          .append(i < requiredPositionals ? positionals.get(i) : "[" + positionals.get(i) + "]");
    }
    for (Option option : options.values()) {
      sb.append(' ').append(option.usage());
    }
    return sb.toString();
  }

  /** Builds a {@link Syntax}. */
  public static final class Builder {
    private final String verb;
    private final Map<String, Option> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();
    private int required;
    private String text;

    private Builder(String verb) {
      this.verb = verb;
    }

    /** A required positional argument. */
    public Builder arg(String name) {
      if (required != positionals.size()) {
        throw new IllegalStateException("required arguments come before optional ones");
      }
      positionals.add(name);
      required++;
      return this;
    }

    /** An optional positional argument. */
    public Builder optionalArg(String name) {
      positionals.add(name);
      return this;
    }

    /** The rest of the line as typed, e.g. a note to remember; no options or other arguments. */
    public Builder text(String name) {
      this.text = name;
      return this;
    }

    /** An option that takes a value. */
    public Builder option(String name, String alias, String valueName) {
      options.put(name, new Option(name, alias, valueName));
      return this;
    }

    /** A boolean flag. */
    public Builder flag(String name, String alias) {
      options.put(name, new Option(name, alias, null));
      return this;
    }

    /** {@code -n NS}, {@code --namespace NS}. */
    public Builder namespace() {
      return option("namespace", "n", "NS");
    }

    /** {@code --cluster C}. */
    public Builder cluster() {
      return option("cluster", null, "C");
    }

    /** The grammar. */
    public Syntax build() {
      return new Syntax(
          verb,
          Collections.unmodifiableMap(new LinkedHashMap<>(options)),
          List.copyOf(positionals),
          required,
          text);
    }
  }
}
