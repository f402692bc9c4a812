package dev.jamiescarlet.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DJL must never call its telemetry home (169.254.169.254) from the bot. */
class DjlTelemetryTest {
  @TempDir Path dir;

  @Test
  void loadingTheModelSwitchesTrackingOffAndDjlOffline() {
    // when the bot's model loads
    try (JamieEmbeddingModel model = Embeddings.load(null, false, dir)) {
      model.embedTexts(List.of("hello"));
    }
    // then DJL sees tracking off and offline mode, as its own checks read them
    assertThat(Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING")).isEqualTo("true");
    assertThat(Utils.isOfflineMode()).isTrue();
  }

  @Test
  void freshJvmMakesNoConnectionWhileLoadingAndEmbedding() throws Exception {
    // given a fresh JVM where every socket connect is recorded and refused
    // when it loads the bundled model the bot's way and embeds a text
    List<String> out = runProbe("jamie");
    // then nothing tried to connect anywhere, DJL's cache is under ours and not in $HOME
    assertThat(out).contains("OPT_OUT_TRACKING=true", "offline=true");
    assertThat(out).noneMatch(line -> line.startsWith("CONNECT"));
    assertThat(out).contains("DJL_CACHE_DIR=" + dir.resolve("cache/djl").toAbsolutePath());
    assertThat(dir.resolve("cache/djl/tokenizers")).isDirectory();
    assertThat(dir.resolve("home/.djl.ai")).doesNotExist();
  }

  @Test
  void probeDoesSeeDjlCallingHomeWhenNothingSwitchesItOff() throws Exception {
    // given the same probe, but DJL left at its defaults
    // when its engine initialises
    List<String> out = runProbe("djl-defaults");
    // then the probe records the metadata-address connect: the test above can fail
    assertThat(out).contains("CONNECT 169.254.169.254:80");
  }

  private List<String> runProbe(String mode) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Files.createDirectories(dir.resolve("home"));
    ProcessBuilder pb =
        new ProcessBuilder(
                java.toString(),
                "-Duser.home=" + dir.resolve("home"),
                "-cp",
                System.getProperty("java.class.path"),
                TelemetryProbe.class.getName(),
                mode,
                dir.resolve("cache").toString())
            .redirectErrorStream(true);
    // the probe must see DJL's defaults, not whatever this machine's environment says
    pb.environment()
        .keySet()
        .removeAll(List.of("OPT_OUT_TRACKING", "DJL_OFFLINE", "DJL_CACHE_DIR"));
    Process process = pb.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    List<String> lines = new String(output, StandardCharsets.UTF_8).lines().toList();
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }
}
