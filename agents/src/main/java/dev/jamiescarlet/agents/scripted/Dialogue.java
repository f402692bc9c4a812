package dev.jamiescarlet.agents.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stateless script: each request gets the reply of the first rule it matches, so any number of
 * conversations can run at once (the demo, evals and the load benchmark use it). A {@link Script}
 * is the ordered kind, for tests that replay one conversation exactly.
 *
 * <pre>
 * latencyMillis: 0              # added to every reply
 * rules:
 *   - name: checkout logs
 *     when: {user: checkout, last: user}
 *     toolCall: {name: read_logs, arguments: '{"name":"checkout","namespace":"shop"}'}
 *   - when: {last: tool, lastContains: connection refused}
 *     text: "checkout cannot reach its database …"
 * </pre>
 */
public final class Dialogue implements Responder {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<Rule> rules;
  private final Duration latency;
  private final List<String> unmatched = new CopyOnWriteArrayList<>();

  /** A dialogue of these rules, first match wins, each reply delayed by {@code latency}. */
  public Dialogue(List<Rule> rules, Duration latency) {
    this.rules = List.copyOf(rules);
    this.latency = latency;
  }

  /** The same rules with a different added latency. */
  public Dialogue withLatency(Duration added) {
    return new Dialogue(rules, added);
  }

  /** Loads {@code scripted/<name>} from the classpath. */
  public static Dialogue load(String name) {
    String resource = "scripted/" + name;
    try (InputStream in = Dialogue.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no dialogue " + resource + " on the classpath");
      }
      return parse(YAML.readTree(in), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads a dialogue file. */
  public static Dialogue load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(YAML.readTree(in), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dialogue " + file + ": " + e.getMessage(), e);
    }
  }

  private static Dialogue parse(JsonNode root, String source) {
    List<Rule> rules = new ArrayList<>();
    int index = 0;
    for (JsonNode node : root.path("rules")) {
      index++;
      JsonNode when = node.path("when");
      rules.add(
          new Rule(
              node.path("name").asText("rule " + index),
              text(when, "system"),
              text(when, "user"),
              text(when, "last"),
              text(when, "lastContains"),
              text(when, "toolResult"),
              text(when, "noToolResult"),
              text(when, "tool"),
              Script.reply(node)));
    }
    if (rules.isEmpty()) {
      throw new IllegalArgumentException(source + " has no rules: add a `rules:` list");
    }
    return new Dialogue(rules, Duration.ofMillis(root.path("latencyMillis").asLong(0)));
  }

  private static String text(JsonNode when, String field) {
    JsonNode value = when.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  @Override
  public Reply answer(JsonNode body) {
    for (Rule rule : rules) {
      if (rule.matches(body)) {
        return latency.isZero() ? rule.reply() : new Reply.Slow(latency, rule.reply());
      }
    }
    unmatched.add("no rule matched: " + Messages.last(body));
    return null;
  }

  @Override
  public List<String> problems() {
    return List.copyOf(unmatched);
  }
}
