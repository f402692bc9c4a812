package dev.jamiescarlet.bot;

import dev.jamiescarlet.agents.scripted.Dialogue;
import dev.jamiescarlet.agents.scripted.ScriptedModelServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar jamie.jar scripted-model}: a scripted OpenAI-compatible and Ollama model on a
 * loopback port, for trying the agents, evals and benchmarks without a GPU.
 */
final class ScriptedModel {
  private ScriptedModel() {}

  /** The demo's dialogue on a free port. */
  static ScriptedModelServer startDemo() {
    try {
      return ScriptedModelServer.start(Dialogue.load("demo.yaml"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the scripted demo model: " + e.getMessage(), e);
    }
  }

  /** Serves until Ctrl-C; returns an exit code. */
  static int run(String[] args) {
    int port = 8089;
    Dialogue dialogue = null;
    Duration latency = Duration.ZERO;
    try {
      for (int i = 1; i < args.length; i += 2) {
        String value = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(value);
          case "--dialogue" -> dialogue = Dialogue.load(Path.of(value));
          case "--latency" -> latency = Duration.ofMillis(Long.parseLong(value));
          default -> {
            System.err.println(
                "Unknown option `"
                    + args[i]
                    + "` (known: --port N, --dialogue FILE, --latency MS)");
            return 2;
          }
        }
      }
      Dialogue d = (dialogue == null ? Dialogue.load("demo.yaml") : dialogue).withLatency(latency);
      ScriptedModelServer server = ScriptedModelServer.start(d, port);
      LoggerFactory.getLogger(ScriptedModel.class)
          .info(
              "scripted model at {}/v1 (OpenAI) and {} (Ollama); Ctrl-C stops it",
              server.baseUrl(),
              server.baseUrl());
      Main.awaitShutdown(server);
      return 0;
    } catch (NumberFormatException e) {
      System.err.println("--port and --latency take whole numbers: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      System.err.println("The scripted model could not start: " + e.getMessage());
      return 2;
    }
  }
}
