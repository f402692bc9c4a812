package dev.jamiescarlet.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's configuration table must not drift from the code. */
class ReadmeSettingsTest {

  private static String readme() throws IOException {
    Path here = Path.of("").toAbsolutePath();
    Path file =
        Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("bot"))
            ? here.resolve("README.md")
            : here.getParent().resolve("README.md");
    return Files.readString(file);
  }

  @Test
  void everySettingHasARowWithItsDefault() throws IOException {
    List<String> rows = readme().lines().filter(l -> l.startsWith("| `")).toList();
    for (Setting s : Settings.ALL) {
      String dflt = s.defaultValue() == null ? "—" : "`" + s.defaultValue() + "`";
      assertThat(rows)
          .as("README row for %s", s.name())
          .anyMatch(r -> r.startsWith("| `" + s.name() + "` | " + dflt + " |"));
    }
  }

  @Test
  void quickStartHasTheTwoCommands() throws IOException {
    assertThat(readme())
        .contains("java -jar bot/target/jamie.jar demo")
        .contains("./mvnw -B verify");
  }
}
