package dev.jamiescarlet.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** After the package phase, the jar the Dockerfile copies is there and starts the bot's Main. */
class ContainerImageIT {
  private static final Pattern WORKDIR = Pattern.compile("(?m)^WORKDIR\\s+(\\S+)");
  private static final Pattern COPY =
      Pattern.compile("(?m)^COPY\\s+--from=build\\s.*?(\\S+)\\s+\\S+$");

  @Test
  void theCopiedJarExistsAndNamesTheMainClass() throws IOException {
    Path here = Path.of("").toAbsolutePath();
    Path root = Files.exists(here.resolve("Dockerfile")) ? here : here.getParent();
    String dockerfile = Files.readString(root.resolve("Dockerfile"), StandardCharsets.UTF_8);
    Matcher workdir = WORKDIR.matcher(dockerfile);
    Matcher copy = COPY.matcher(dockerfile);
    assertThat(workdir.find()).isTrue();
    assertThat(copy.find()).isTrue();
    String source = copy.group(1);
    assertThat(source).startsWith(workdir.group(1) + "/");
    Path jar = root.resolve(source.substring(workdir.group(1).length() + 1));

    assertThat(jar).isRegularFile();
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(Main.class.getName());
    }
  }
}
