package dev.jamiescarlet.bot;

import dev.jamiescarlet.bot.config.ConfigException;
import dev.jamiescarlet.bot.config.JamieConfig;
import dev.jamiescarlet.bot.config.Setting;
import dev.jamiescarlet.bot.config.Settings;
import dev.jamiescarlet.bot.http.StartupException;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubeconfigClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesToolException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point: {@code java -jar jamie.jar [demo|--help]}. */
public final class Main {
  private Main() {}

  /** Runs the bot from its environment, the demo, or prints help. */
  public static void main(String[] args) {
    String mode = args.length == 0 ? "run" : args[0];
    if ("demo".equals(mode) && System.getenv("JAMIE_LOG_FORMAT") == null) {
      // people watch the demo's console: readable lines (logback reads this property first)
      System.setProperty("JAMIE_LOG_FORMAT", "text");
    }
    // one log stream: java.util.logging (the mock API server uses it) goes through SLF4J too
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    // Netty's Unsafe use makes JDK 24+ print a warning on every start; it runs fine without it
    System.setProperty("io.netty.noUnsafe", "true");
    int exit =
        switch (mode) {
          case "run" -> run();
          case "demo" -> Demo.run(demoEnv(args));
          case "scripted-model" -> ScriptedModel.run(args);
          case "--help", "-h", "help" -> {
            printHelp(new PrintStream(System.out, true, StandardCharsets.UTF_8));
            yield 0;
          }
          default -> {
            System.err.println(
                "Unknown argument `" + mode + "`. Run with --help to see the options.");
            yield 2;
          }
        };
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** The environment, plus the demo's own switches from its arguments. */
  static java.util.Map<String, String> demoEnv(String[] args) {
    java.util.Map<String, String> env = new java.util.HashMap<>(System.getenv());
    for (int i = 1; i < args.length; i++) {
      if ("--scripted-model".equals(args[i])) {
        env.put(Demo.SCRIPTED_MODEL, "true");
      } else {
        System.err.println("Unknown demo option `" + args[i] + "` (known: --scripted-model)");
      }
    }
    return env;
  }

  private static int run() {
    ClusterRegistry clusters = null;
    Bot bot = null;
    try {
      JamieConfig config = JamieConfig.fromEnv(System.getenv());
      clusters =
          KubeconfigClusterRegistry.fromEnvironment(config.kubeconfig(), config.defaultCluster());
      bot = Bot.start(config, clusters);
      awaitShutdown(bot, clusters);
      return 0;
    } catch (ConfigException | StartupException e) {
      return fail(e.getMessage(), bot, clusters);
    } catch (KubernetesToolException e) {
      return fail("The bot cannot start: " + e.getMessage() + " (check KUBECONFIG)", bot, clusters);
    } catch (RuntimeException e) {
      log().error("the bot could not start", e);
      return fail("The bot could not start: " + e.getMessage(), bot, clusters);
    }
  }

  /** Logs a start-up failure for operators, prints it for humans, and releases what started. */
  static int fail(String message, AutoCloseable... started) {
    log().error(message);
    System.err.println(message);
    for (AutoCloseable c : started) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          log().debug("closing after a failed start", e);
        }
      }
    }
    return 2;
  }

  /** Blocks until Ctrl-C or SIGTERM, then closes everything in reverse order. */
  static void awaitShutdown(AutoCloseable... parts) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log().info("shutting down");
                  for (AutoCloseable part : parts) {
                    try {
                      part.close();
                    } catch (Exception e) {
                      log().warn("while shutting down: {}", e.getMessage());
                    }
                  }
                  stopped.countDown();
                },
                "shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Looked up lazily so the demo can choose the log format before logging starts. */
  private static Logger log() {
    return LoggerFactory.getLogger(Main.class);
  }

  static void printHelp(PrintStream out) {
    out.println("Jamie & Scarlet: self-hosted, Slack-native ChatOps for Kubernetes.");
    out.println();
    out.println("Usage:");
    out.println("  java -jar jamie.jar          run the bot, configured by the environment");
    out.println("  java -jar jamie.jar demo     run the demo: sandbox Slack + demo cluster + bot");
    out.println(
        "  java -jar jamie.jar demo --scripted-model   the demo with agents on a scripted model");
    out.println("  java -jar jamie.jar scripted-model [--port N] [--dialogue FILE] [--latency MS]");
    out.println(
        "                               serve a scripted OpenAI/Ollama model (tests, benchmarks)");
    out.println("  java -jar jamie.jar --help   this text");
    out.println();
    out.println("Settings (environment variables):");
    for (Setting s : Settings.ALL) {
      String dflt = s.defaultValue() == null ? "(none)" : s.defaultValue();
      out.printf("  %-22s default %-24s %s%n", s.name(), dflt, s.meaning().replace("`", ""));
    }
  }
}
