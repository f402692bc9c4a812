package dev.jamiescarlet.bot.evals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jamiescarlet.agents.scripted.Dialogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One eval case: a folder with {@code case.yaml} (the question, what to plant, what to expect) and
 * {@code script.yaml} (the scripted model's {@link Dialogue}: what a good model would do).
 *
 * @param name the folder's name
 * @param agent {@code jamie} or {@code scarlet}
 * @param question what the user asks (without {@code @jamie} or {@code /scarlet investigate})
 * @param channel the Slack channel it is asked in
 * @param user the Slack user who asks
 * @param plants extra cluster state seeded before the question
 * @param expect what must hold afterwards
 * @param script the scripted model for CI, or null when the folder has none
 */
public record EvalCase(
    String name,
    String agent,
    String question,
    String channel,
    String user,
    JsonNode plants,
    Expectations expect,
    Dialogue script) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The Slack text that asks the case's agent its question. */
  public String slackText() {
    return "scarlet".equals(agent) ? "/scarlet investigate " + question : "@jamie " + question;
  }

  /** Every case folder directly under {@code root} (those with a case.yaml), sorted by name. */
  public static List<EvalCase> loadAll(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(
          "No eval cases at "
              + root.toAbsolutePath()
              + ": run from the repository root or pass --cases DIR");
    }
    try (Stream<Path> dirs = Files.list(root)) {
      List<EvalCase> cases = new ArrayList<>();
      for (Path dir : dirs.sorted().toList()) {
        if (Files.isRegularFile(dir.resolve("case.yaml"))) {
          cases.add(load(dir));
        }
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /** Reads one case folder. */
  public static EvalCase load(Path dir) {
    Path file = dir.resolve("case.yaml");
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String agent = root.path("agent").asText("jamie");
    if (!agent.equals("jamie") && !agent.equals("scarlet")) {
      throw new IllegalArgumentException(
          file + ": agent must be `jamie` or `scarlet`, not `" + agent + "`");
    }
    String question = root.path("question").asText("");
    if (question.isBlank()) {
      throw new IllegalArgumentException(file + " has no `question:`; add what the user asks");
    }
    Path script = dir.resolve("script.yaml");
    return new EvalCase(
        dir.getFileName().toString(),
        agent,
        question,
        root.path("channel").asText("C0SHOP"),
        root.path("user").asText("U0ADA"),
        root.path("plants"),
        Expectations.parse(root.path("expect")),
        Files.isRegularFile(script) ? Dialogue.load(script) : null);
  }
}
