package dev.jamiescarlet.agents.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads prompt files: from an override directory when it has the file, else from the jar's {@code
 * prompts/}. Resolves {@code {{> fragment}}} includes and {@code {{variable}}}s.
 */
public final class PromptLibrary {
  private static final Pattern INCLUDE = Pattern.compile("\\{\\{>\\s*([\\w./-]+)\\s*}}");
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  private static final int MAX_DEPTH = 8;

  private final Path overrideDir;

  /** A library that looks in {@code overrideDir} (may be null) before the packaged prompts. */
  public PromptLibrary(Path overrideDir) {
    this.overrideDir = overrideDir;
  }

  /** The packaged prompts, overridden by {@code dir} when given, else by ./prompts if present. */
  public static PromptLibrary standard(String dir) {
    if (dir != null) {
      Path p = Path.of(dir);
      if (!Files.isDirectory(p)) {
        throw new IllegalArgumentException(
            "JAMIE_PROMPTS_DIR is "
                + dir
                + " but that is not a directory: point it at a folder of"
                + " prompt files or unset it to use the packaged prompts");
      }
      return new PromptLibrary(p);
    }
    Path local = Path.of("prompts");
    return new PromptLibrary(Files.isDirectory(local) ? local : null);
  }

  /** A prompt by name (e.g. {@code jamie/system}) with includes and variables resolved. */
  public String render(String name, Map<String, String> variables) {
    String text = expand(name, new ArrayDeque<>());
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "prompt " + name + " uses {{" + m.group(1) + "}} but no value was given for it");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  /** The raw text of one file, without includes resolved. */
  public String raw(String name) {
    if (!safe(name)) {
      throw new IllegalArgumentException("prompt name " + name + " must be like dir/name, no dots");
    }
    if (overrideDir != null) {
      Path file = overrideDir.resolve(name + ".md");
      if (Files.isRegularFile(file)) {
        try {
          return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read prompt file " + file, e);
        }
      }
    }
    try (InputStream in = PromptLibrary.class.getResourceAsStream("/prompts/" + name + ".md")) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no prompt named " + name + ": add prompts/" + name + ".md");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read packaged prompt " + name, e);
    }
  }

  /** Letters, digits, _ - and single slashes between parts: nothing that could leave the dir. */
  private static boolean safe(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != '/') {
        return false;
      }
    }
    return true;
  }

  private String expand(String name, Deque<String> stack) {
    if (stack.contains(name) || stack.size() >= MAX_DEPTH) {
      throw new IllegalArgumentException("prompt includes loop: " + stack + " → " + name);
    }
    stack.push(name);
    Matcher m = INCLUDE.matcher(raw(name));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(expand(m.group(1), stack).strip()));
    }
    m.appendTail(out);
    stack.pop();
    return out.toString();
  }
}
