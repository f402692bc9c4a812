package dev.jamiescarlet.tools.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Prometheus and Alertmanager (Debian packages) on free loopback ports, wired together,
 * with one always-firing alert; skips the calling test when the binaries are missing unless {@code
 * JAMIE_REQUIRE_MONITORING=1}.
 */
public final class LocalMonitoring implements AutoCloseable {
  /** The always-firing alert's name. */
  public static final String ALERT_NAME = "JamieAlwaysFiring";

  /** Its labels besides {@code alertname}. */
  public static final String SEVERITY = "warning";

  public static final String NAMESPACE = "shop";
  public static final String POD = "checkout-7d9f8b6c5-x2k4p";

  static final String INSTALL_HINT = "apt-get install prometheus prometheus-alertmanager";
  static final String REQUIRE_ENV = "JAMIE_REQUIRE_MONITORING";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private URI prometheusUrl;
  private URI alertmanagerUrl;

  private LocalMonitoring(Path dir) {
    this.dir = dir;
  }

  /**
   * Starts Alertmanager (routing every alert to {@code webhookUrl}, or to no receiver when null)
   * and a Prometheus that scrapes itself every second and sends its always-firing alert there;
   * returns once both are ready.
   */
  public static LocalMonitoring start(URI webhookUrl) {
    return start(webhookUrl, null);
  }

  /** As {@link #start(URI)}, with a bearer token on every webhook call (null: none). */
  public static LocalMonitoring start(URI webhookUrl, String bearerToken) {
    Path prometheus = binary("prometheus");
    Path alertmanager = binary("prometheus-alertmanager", "alertmanager");
    LocalMonitoring monitoring;
    try {
      monitoring = new LocalMonitoring(Files.createTempDirectory("jamie-monitoring"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      monitoring.startAlertmanager(alertmanager, webhookUrl, bearerToken);
      monitoring.startPrometheus(prometheus);
      return monitoring;
    } catch (RuntimeException e) {
      monitoring.close();
      throw e;
    }
  }

  /** Prometheus's base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI prometheusUrl() {
    return prometheusUrl;
  }

  /** Alertmanager's base URL. */
  public URI alertmanagerUrl() {
    return alertmanagerUrl;
  }

  /** The temporary directory with both configs, data and logs. */
  public Path dir() {
    return dir;
  }

  /**
   * Makes the always-firing alert's expression false and reloads Prometheus, which then sends it
   * resolved; Alertmanager passes that on at its next group interval.
   */
  public void stopFiring() {
    write("rules.yml", rules("vector(1) < 0"));
    HttpRequest reload =
        HttpRequest.newBuilder(prometheusUrl.resolve("/-/reload"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      int status =
          HttpClient.newHttpClient()
              .send(reload, HttpResponse.BodyHandlers.discarding())
              .statusCode();
      if (status != 200) {
        throw new IllegalStateException("Prometheus answered " + status + " to /-/reload");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void startAlertmanager(Path binary, URI webhookUrl, String bearerToken) {
    int port = freePort();
    alertmanagerUrl = URI.create("http://127.0.0.1:" + port);
    String receiver =
        webhookUrl == null
            ? "  - name: test\n"
            : "  - name: test\n    webhook_configs:\n      - url: '"
                + webhookUrl
                + "'\n"
                + "        send_resolved: true\n"
                + (bearerToken == null
                    ? ""
                    : "        http_config:\n"
                        + "          authorization:\n"
                        + "            type: Bearer\n"
                        + "            credentials: '"
                        + bearerToken
                        + "'\n");
    write(
        "alertmanager.yml",
        """
        route:
          receiver: test
          group_by: [alertname]
          group_wait: 0s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
        """
            + receiver);
    launch(
        "alertmanager",
        List.of(
            binary.toString(),
            "--config.file=" + dir.resolve("alertmanager.yml"),
            "--storage.path=" + dir.resolve("alertmanager-data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--web.external-url=" + alertmanagerUrl,
            "--cluster.listen-address="),
        alertmanagerUrl);
  }

  private void startPrometheus(Path binary) {
    int port = freePort();
    prometheusUrl = URI.create("http://127.0.0.1:" + port);
    write("rules.yml", rules("vector(1) > 0"));
    write(
        "prometheus.yml",
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files: [rules.yml]
        alerting:
          alertmanagers:
            - static_configs:
                - targets: ['%s']
        scrape_configs:
          - job_name: prometheus
            static_configs:
              - targets: ['127.0.0.1:%d']
        """
            .formatted(alertmanagerUrl.getAuthority(), port));
    launch(
        "prometheus",
        List.of(
            binary.toString(),
            "--config.file=" + dir.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--web.external-url=" + prometheusUrl,
            "--rules.alert.resend-delay=0s",
            "--web.enable-lifecycle"),
        prometheusUrl);
  }

  private static String rules(String expr) {
    return """
        groups:
          - name: jamie-test
            interval: 1s
            rules:
              - alert: %s
                expr: %s
                for: 0s
                labels:
                  severity: %s
                  namespace: %s
                  pod: %s
                annotations:
                  summary: Always firing, for tests
                  description: The local test Prometheus fires this on every evaluation.
        """
        .formatted(ALERT_NAME, expr, SEVERITY, NAMESPACE, POD);
  }

  private void launch(String name, List<String> command, URI url) {
    Path log = dir.resolve(name + ".log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not start " + command.get(0) + ": " + e.getMessage(), e);
    }
    processes.add(process);
    awaitReady(name, process, url, log);
  }

  private static void awaitReady(String name, Process process, URI url, Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with "
                + process.exitValue()
                + " before it was ready; its log:\n"
                + tail(log));
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + name, e);
      }
      sleep(100);
    }
    throw new IllegalStateException(
        name
            + " was not ready at "
            + url
            + "/-/ready within "
            + READY_TIMEOUT
            + "; its log:\n"
            + tail(log));
  }

  /** Stops both servers and their children, then deletes the directory. */
  @Override
  public void close() {
    for (Process process : processes.reversed()) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    processes.clear();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }

  /**
   * The first of {@code names} on the PATH; aborts the test when none is, or fails when {@code
   * JAMIE_REQUIRE_MONITORING=1}.
   */
  static Path binary(String... names) {
    return binary(System.getenv("PATH"), "1".equals(System.getenv(REQUIRE_ENV)), names);
  }

  static Path binary(String pathEnv, boolean required, String... names) {
    Optional<Path> found = find(pathEnv, names);
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        "No "
            + String.join(" or ", names)
            + " binary on the PATH; install it with `"
            + INSTALL_HINT
            + "`";
    if (required) {
      throw new IllegalStateException(message + " (" + REQUIRE_ENV + "=1 makes this a failure)");
    }
    return Assumptions.abort(message + "; skipping (set " + REQUIRE_ENV + "=1 to fail instead)");
  }

  static Optional<Path> find(String pathEnv, String... names) {
    if (pathEnv == null) {
      return Optional.empty();
    }
    for (String name : names) {
      for (String entry : pathEnv.split(java.io.File.pathSeparator)) {
        if (entry.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(entry, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private void write(String file, String content) {
    try {
      Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Sleeps, for polling loops in tests that wait on these servers. */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
