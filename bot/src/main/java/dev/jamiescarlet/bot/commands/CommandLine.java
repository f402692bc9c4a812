package dev.jamiescarlet.bot.commands;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The grammar shared by {@code /jamie …}, {@code @jamie …} and DMs: verb, options, arguments. */
public final class CommandLine {
  private CommandLine() {}

  /**
   * Undoes what Slack does to typed text: HTML escapes, smart quotes, auto-linking, and a leading
   * mention of the bot. Hand-written rather than regex so hostile input cannot make it backtrack.
   */
  public static String normalise(String text) {
    if (text == null) {
      return "";
    }
    String s = stripLeadingMention(text.strip());
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int close = c == '<' ? s.indexOf('>', i + 1) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      out.append(unlink(s.substring(i + 1, close)));
      i = close + 1;
    }
    return out.toString()
        .replace('\u201c', '"')
        .replace('\u201d', '"')
        .replace('\u2018', '\'')
        .replace('\u2019', '\'')
        .replace('\u2014', '-')
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .strip();
  }

  private static String stripLeadingMention(String s) {
    if (!s.startsWith("<@")) {
      return s;
    }
    int close = s.indexOf('>');
    if (close < 0) {
      return s;
    }
    int i = close + 1;
    while (i < s.length()
        && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ':' || s.charAt(i) == ',')) {
      i++;
    }
    return s.substring(i);
  }

  /** The text of one {@code <…>} Slack link; user and channel mentions stay as Slack wrote them. */
  private static String unlink(String inner) {
    if (inner.startsWith("@") || inner.startsWith("#") || inner.startsWith("!")) {
      return "<" + inner + ">";
    }
    int bar = inner.indexOf('|');
    if (bar >= 0) {
      return inner.substring(bar + 1);
    }
    for (String scheme : new String[] {"mailto:", "https://", "http://"}) {
      if (inner.startsWith(scheme)) {
        return inner.substring(scheme.length());
      }
    }
    return inner;
  }

  /** Splits on whitespace, keeping quoted strings whole. */
  public static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean inToken = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inToken = true;
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          tokens.add(current.toString());
          current.setLength(0);
          inToken = false;
        }
      } else {
        current.append(c);
        inToken = true;
      }
    }
    if (quote != 0) {
      throw new UsageException("a quote (" + quote + ") is never closed", null);
    }
    if (inToken) {
      tokens.add(current.toString());
    }
    return tokens;
  }

  /** The verb of a command line, lower-cased, or empty. */
  public static String verbOf(List<String> tokens) {
    return tokens.isEmpty() ? "" : tokens.get(0).toLowerCase(Locale.ROOT);
  }

  /** A free-text command: everything after the verb, as typed, is its one argument. */
  public static Invocation parseFreeText(Syntax syntax, String line, CommandContext context) {
    int space = line.indexOf(' ');
    String rest = space < 0 ? "" : line.substring(space + 1).strip();
    if (rest.isEmpty()) {
      throw new UsageException("`" + syntax.verb() + "` needs " + syntax.text(), syntax.usage());
    }
    return new Invocation(syntax.verb(), Map.of(), Set.of(), List.of(rest), context);
  }

  /** Parses the tokens after the verb against a grammar. */
  public static Invocation parse(Syntax syntax, List<String> tokens, CommandContext context) {
    Map<String, String> options = new HashMap<>();
    Set<String> flags = new HashSet<>();
    List<String> args = new ArrayList<>();
    for (int i = 1; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token.startsWith("-") && token.length() > 1 && !isNumber(token)) {
        String name = token.startsWith("--") ? token.substring(2) : token.substring(1);
        String inlineValue = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          inlineValue = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        Syntax.Option option = findOption(syntax, name, token);
        if (option.takesValue()) {
          String value = inlineValue;
          if (value == null) {
            if (i + 1 >= tokens.size()) {
              throw new UsageException(
                  "`" + token + "` needs a value (" + option.valueName() + ")", syntax.usage());
            }
            value = tokens.get(++i);
          }
          options.put(option.name(), value);
        } else {
          if (inlineValue != null) {
            throw new UsageException("`--" + option.name() + "` takes no value", syntax.usage());
          }
          flags.add(option.name());
        }
      } else {
        args.add(token);
      }
    }
    if (args.size() < syntax.requiredPositionals()) {
      String missing = syntax.positionals().get(args.size());
      throw new UsageException("`" + syntax.verb() + "` needs " + missing, syntax.usage());
    }
    if (args.size() > syntax.positionals().size()) {
      String extra = args.get(syntax.positionals().size());
      String what =
          syntax.positionals().isEmpty()
              ? "`" + syntax.verb() + "` takes no arguments"
              : "`"
                  + syntax.verb()
                  + "` takes at most "
                  + syntax.positionals().size()
                  + " argument(s)";
      throw new UsageException(
          what + "; I don't know what to do with `" + extra + "`", syntax.usage());
    }
    return new Invocation(syntax.verb(), options, flags, args, context);
  }

  private static Syntax.Option findOption(Syntax syntax, String name, String token) {
    return syntax
        .find(name)
        .orElseThrow(
            () -> {
              List<String> known = new ArrayList<>();
              syntax.options().values().forEach(o -> known.add(o.name()));
              String hint =
                  Suggestions.closest(name, known)
                      .map(s -> ". Did you mean `--" + s + "`?")
                      .orElse("");
              return new UsageException(
                  "`" + syntax.verb() + "` has no option `" + token + "`" + hint, syntax.usage());
            });
  }

  private static boolean isNumber(String token) {
    return token.matches("-\\d+");
  }
}
