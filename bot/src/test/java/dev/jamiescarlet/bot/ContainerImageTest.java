package dev.jamiescarlet.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Dockerfile, .dockerignore and Jib configuration against the Maven build they package. */
class ContainerImageTest {
  private static final Pattern TEMURIN = Pattern.compile("eclipse-temurin:(\\d+)-(jdk|jre)\\b.*");

  private final Path root = repositoryRoot();
  private final List<String[]> dockerfile = instructions(root.resolve("Dockerfile"));
  private final Document parentPom = xml(root.resolve("pom.xml"));
  private final Document botPom = xml(root.resolve("bot/pom.xml"));

  @Test
  void buildStageRunsTheMavenPackageOnAJdkNoOlderThanTheRelease() {
    List<String> from = args("FROM");
    assertThat(from).hasSize(2);
    assertThat(from.get(0)).endsWith(" AS build");
    assertThat(javaVersion(from.get(0).split(" ")[0], "jdk")).isGreaterThanOrEqualTo(release());
    assertThat(args("RUN")).anyMatch(r -> r.contains("./mvnw -B -DskipTests package"));
  }

  @Test
  void runtimeIsAJreNoOlderThanTheReleaseAndSameAsJibs() {
    String runtime = args("FROM").get(1);
    assertThat(javaVersion(runtime, "jre")).isGreaterThanOrEqualTo(release());
    assertThat(jib("from", "image")).isEqualTo(runtime);
  }

  @Test
  void copiesTheJarTheShadePluginBuilds() {
    String finalName = text(botPom.getDocumentElement(), "finalName");
    String workdir = args("WORKDIR").get(0);
    String copy =
        args("COPY").stream().filter(c -> c.startsWith("--from=build")).findFirst().orElseThrow();
    String[] parts = copy.split("\\s+");
    String source = parts[parts.length - 2];
    String target = parts[parts.length - 1];
    assertThat(source).isEqualTo(workdir + "/bot/target/" + finalName + ".jar");
    assertThat(args("ENTRYPOINT").get(0)).contains("\"-jar\", \"" + target + "\"");
  }

  @Test
  void runsAsTheSameNonRootUserAsJib() {
    String user = args("USER").get(0);
    assertThat(user).matches("\\d+:\\d+");
    assertThat(Integer.parseInt(user.split(":")[0])).isGreaterThan(0);
    assertThat(jib("container", "user")).isEqualTo(user);
  }

  @Test
  void exposesTheDefaultHttpPort() {
    String port = Settings.HTTP_PORT.defaultValue();
    assertThat(args("EXPOSE")).containsExactly(port);
    assertThat(jib("container", "port")).isEqualTo(port);
  }

  @Test
  void jibStartsTheJarsMainClassWithTheSameFlags() throws ClassNotFoundException {
    String shadeMain = text(botPom.getDocumentElement(), "transformers");
    String jibMain = jib("container", "mainClass");
    assertThat(shadeMain).contains(jibMain);
    assertThat(Class.forName(jibMain).getName()).isEqualTo(Main.class.getName());
    for (String flag : texts(jibElement(), "jvmFlag")) {
      assertThat(args("ENTRYPOINT").get(0)).contains("\"" + flag + "\"");
    }
    assertThat(jib("configuration", "skip")).isEqualTo("false");
  }

  @Test
  void buildContextHoldsEveryModuleAndResourceDirectory() throws IOException {
    List<String> ignore = Files.readAllLines(root.resolve(".dockerignore"), StandardCharsets.UTF_8);
    List<String> needed = new ArrayList<>(texts(parentPom.getDocumentElement(), "module"));
    Pattern sibling = Pattern.compile("\\$\\{project\\.basedir}/\\.\\./([\\w-]+)");
    for (String module : texts(parentPom.getDocumentElement(), "module")) {
      Matcher m = sibling.matcher(Files.readString(root.resolve(module).resolve("pom.xml")));
      while (m.find()) {
        needed.add(m.group(1));
      }
    }
    assertThat(needed).contains("bot", "prompts");
    for (String dir : needed) {
      assertThat(ignore)
          .as(".dockerignore must let %s/ into the build", dir)
          .contains("!" + dir + "/");
    }
  }

  private int release() {
    return Integer.parseInt(text(parentPom.getDocumentElement(), "maven.compiler.release"));
  }

  private static int javaVersion(String image, String kind) {
    Matcher m = TEMURIN.matcher(image);
    assertThat(m.matches()).as("%s is a Temurin image", image).isTrue();
    assertThat(m.group(2)).isEqualTo(kind);
    return Integer.parseInt(m.group(1));
  }

  private String jib(String parent, String child) {
    Element jib = jibElement();
    NodeList parents = jib.getElementsByTagName(parent);
    Element scope = parents.getLength() == 0 ? jib : (Element) parents.item(0);
    return text(scope, child);
  }

  private Element jibElement() {
    NodeList plugins = botPom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element p = (Element) plugins.item(i);
      if ("jib-maven-plugin".equals(text(p, "artifactId"))) {
        return p;
      }
    }
    throw new AssertionError("bot/pom.xml has no jib-maven-plugin");
  }

  private static String text(Element scope, String tag) {
    List<String> all = texts(scope, tag);
    assertThat(all).as("<%s> in <%s>", tag, scope.getTagName()).isNotEmpty();
    return all.get(0);
  }

  private static List<String> texts(Element scope, String tag) {
    NodeList nodes = scope.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }

  private List<String> args(String instruction) {
    return dockerfile.stream().filter(i -> i[0].equals(instruction)).map(i -> i[1]).toList();
  }

  /** Each instruction as {keyword, arguments}, continuation lines joined, comments dropped. */
  private static List<String[]> instructions(Path file) {
    try {
      String joined =
          Files.readString(file, StandardCharsets.UTF_8)
              .replaceAll("(?m)^\\s*#.*\\n", "")
              .replaceAll("\\\\\\n\\s*", " ");
      List<String[]> out = new ArrayList<>();
      for (String line : joined.split("\n")) {
        String[] kv = line.strip().split("\\s+", 2);
        if (kv.length == 2) {
          out.add(new String[] {kv[0].toUpperCase(java.util.Locale.ROOT), kv[1].strip()});
        }
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  private static Document xml(Path file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new AssertionError("cannot parse " + file, e);
    }
  }

  private static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("Dockerfile")) ? here : here.getParent();
  }
}
