package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiBinaryResponse;
import com.slack.api.methods.SlackApiTextResponse;
import dev.jamiescarlet.agents.definitions.AgentDefinitions;
import dev.jamiescarlet.agents.prompts.PromptLibrary;
import dev.jamiescarlet.bot.agents.AgentIntegrations;
import dev.jamiescarlet.bot.alerts.AlertControls;
import dev.jamiescarlet.bot.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * manifest.yaml against the code: the handlers the bot really registers on a Bolt app and the Web
 * API methods its sources call, so that neither can change without the manifest.
 */
class SlackManifestTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Handler kinds the manifest describes; any other kind needs a new manifest section. */
  private static final Set<String> DESCRIBED =
      Set.of(
          "slashCommandHandlers", "eventHandlers", "blockActionHandlers", "viewSubmissionHandlers");

  private static Path root;
  private static JsonNode manifest;
  private static JsonNode scopes;
  private static App app;

  @BeforeAll
  static void registerTheBotsHandlers() throws IOException {
    root = repositoryRoot();
    manifest = YAML.readTree(root.resolve("manifest.yaml").toFile());
    try (InputStream in =
        SlackManifestTest.class.getResourceAsStream("/slack/web-api-scopes.yaml")) {
      scopes = YAML.readTree(in);
    }
    // as Bot does: the configured command plus the shipped agents' own; collaborators are never
    // called, registration only stores the handlers
    String slash = Settings.SLASH_COMMAND.defaultValue();
    AgentDefinitions agents = AgentDefinitions.load(null, Map.of(), PromptLibrary.standard(null));
    app = new App(AppConfig.builder().build(), new ArrayList<>());
    new SlackHandlers(null, null, null, null, null, null, null)
        .alerts(new AlertControls(null, null, null, null, null, null, null, null))
        .register(app, slash, AgentIntegrations.slashCommands(agents, slash));
  }

  @Test
  void manifestHasTheRequiredFields() {
    assertThat(manifest.at("/_metadata/major_version").asInt()).isEqualTo(1);
    assertThat(manifest.at("/display_information/name").asText()).isNotBlank();
    assertThat(manifest.at("/display_information/description").asText()).hasSizeLessThan(140);
    assertThat(manifest.at("/display_information/long_description").asText())
        .hasSizeBetween(175, 4000);
    assertThat(manifest.at("/features/bot_user/display_name").asText()).isEqualTo("Jamie");
    assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/features/app_home/messages_tab_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean())
        .as("Socket Mode is the default JAMIE_SLACK_MODE")
        .isEqualTo("socket".equals(Settings.SLACK_MODE.defaultValue()));
    for (JsonNode c : manifest.at("/features/slash_commands")) {
      assertThat(c.path("command").asText()).startsWith("/");
      assertThat(c.path("description").asText()).isNotBlank();
    }
  }

  @Test
  void slashCommandsAreThoseTheBotRegisters() {
    List<String> listed = texts(manifest.at("/features/slash_commands"), "command");
    List<Pattern> registered =
        handlers("slashCommandHandlers").keySet().stream()
            .map(k -> Pattern.compile(k.toString()))
            .toList();
    assertThat(registered).as("slash commands registered").isNotEmpty();
    for (Pattern p : registered) {
      assertThat(listed)
          .as("registered command %s must be in manifest.yaml features.slash_commands", p)
          .anyMatch(c -> p.matcher(c).matches());
    }
    for (String c : listed) {
      assertThat(registered)
          .as("manifest.yaml lists %s but the bot registers no handler for it", c)
          .anyMatch(p -> p.matcher(c).matches());
    }
  }

  @Test
  void botEventsAreThoseTheBotRegisters() {
    Set<String> registered = new TreeSet<>();
    for (Object key : handlers("eventHandlers").keySet()) {
      registered.add(key.toString());
    }
    assertThat(new TreeSet<>(fieldNames(scopes.path("events"))))
        .as("every registered event type needs a row in web-api-scopes.yaml events")
        .containsAll(registered);
    Set<String> subscriptions = new TreeSet<>();
    for (String type : registered) {
      subscriptions.addAll(texts(scopes.at("/events/" + type + "/subscriptions"), null));
    }
    assertThat(new TreeSet<>(texts(manifest.at("/settings/event_subscriptions/bot_events"), null)))
        .isEqualTo(subscriptions);
  }

  @Test
  void interactivityIsOnExactlyWhenActionsOrViewsAreHandled() {
    boolean handled =
        !handlers("blockActionHandlers").isEmpty() || !handlers("viewSubmissionHandlers").isEmpty();
    assertThat(handled).isTrue();
    assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isEqualTo(handled);
  }

  @Test
  void noHandlerKindTheManifestDoesNotDescribe() throws IllegalAccessException {
    for (Field f : App.class.getDeclaredFields()) {
      if (f.getName().endsWith("Handlers")
          && Map.class.isAssignableFrom(f.getType())
          && !f.getName().equals("webEndpointHandlers")
          && !DESCRIBED.contains(f.getName())) {
        assertThat(handlers(f.getName()))
            .as("%s are registered: describe them in manifest.yaml and in this test", f.getName())
            .isEmpty();
      }
    }
  }

  @Test
  void scopesAreExactlyThoseTheCodeNeeds() throws IOException {
    Set<String> called = webApiMethodsCalled();
    assertThat(called).as("Web API methods found in bot/src/main/java").contains("chatPostMessage");
    assertThat(new TreeSet<>(fieldNames(scopes.path("methods"))))
        .as("each Web API method the bot calls needs a row in web-api-scopes.yaml methods")
        .containsAll(called);
    Set<String> needed = new TreeSet<>();
    for (String m : called) {
      needed.addAll(texts(scopes.at("/methods/" + m + "/scopes"), null));
    }
    for (Object type : handlers("eventHandlers").keySet()) {
      needed.addAll(texts(scopes.at("/events/" + type + "/scopes"), null));
    }
    if (!handlers("slashCommandHandlers").isEmpty()) {
      needed.addAll(texts(scopes.path("commands"), null));
    }
    assertThat(new TreeSet<>(texts(manifest.at("/oauth_config/scopes/bot"), null)))
        .isEqualTo(needed);
  }

  @Test
  void readmeScopeTableListsTheManifestsScopes() throws IOException {
    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("### Slack app");
    assertThat(start).as("README.md has a ### Slack app section").isNotNegative();
    int end = readme.indexOf("\n### ", start + 1);
    Matcher row =
        Pattern.compile("(?m)^\\| `([a-z_.:]+)` \\|")
            .matcher(readme.substring(start, end < 0 ? readme.length() : end));
    Set<String> documented = new TreeSet<>();
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(documented)
        .isEqualTo(new TreeSet<>(texts(manifest.at("/oauth_config/scopes/bot"), null)));
  }

  /** The MethodsClient Web API methods named as calls ({@code .name(}) in the bot's sources. */
  private static Set<String> webApiMethodsCalled() throws IOException {
    Set<String> api = new TreeSet<>();
    for (Method m : MethodsClient.class.getMethods()) {
      Class<?> r = m.getReturnType();
      if (SlackApiTextResponse.class.isAssignableFrom(r)
          || SlackApiBinaryResponse.class.isAssignableFrom(r)) {
        api.add(m.getName());
      }
    }
    Pattern call = Pattern.compile("\\.([a-z][A-Za-z0-9]*)\\(");
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root.resolve("bot/src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = call.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          if (api.contains(m.group(1))) {
            found.add(m.group(1));
          }
        }
      }
    }
    return found;
  }

  private static Map<?, ?> handlers(String field) {
    try {
      Field f = App.class.getDeclaredField(field);
      f.setAccessible(true);
      return new TreeMap<>(
          ((Map<?, ?>) f.get(app))
              .entrySet().stream()
                  .collect(
                      java.util.stream.Collectors.toMap(
                          e -> e.getKey().toString(), Map.Entry::getValue)));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Bolt's App has no field " + field + ": update this test", e);
    }
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(field == null ? n.asText() : n.path(field).asText());
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("manifest.yaml")) ? here : here.getParent();
  }
}
