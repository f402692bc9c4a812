package dev.jamiescarlet.embeddings.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentsTest {
  @Test
  void theBotsIntentsCoverEveryRoutedVerbWithEnoughExamples() {
    // when the shipped intents are read
    List<Intent> intents = Intents.defaults();

    // then every command verb the router emits is there, each with at least eight examples
    assertThat(intents.stream().filter(Intent::command).map(i -> i.template().verb()))
        .contains(
            "diagnose",
            "logs",
            "pods",
            "deployments",
            "describe",
            "events",
            "restart",
            "scale",
            "rollback",
            "delete",
            "cordon",
            "uncordon",
            "suspend",
            "resume",
            "clusters",
            "use",
            "audit",
            "help",
            "runbook",
            "remember",
            "memories",
            "forget");
    assertThat(intents).allSatisfy(i -> assertThat(i.examples()).hasSizeGreaterThanOrEqualTo(8));
    assertThat(intents.stream().filter(i -> !i.command()).map(Intent::name))
        .containsExactly("chitchat", "open-question");
  }

  @Test
  void clusterWritesNeedTheHigherBar() {
    List<String> writes =
        Intents.defaults().stream().filter(Intent::write).map(Intent::name).toList();

    assertThat(writes)
        .contains(
            "restart", "scale", "rollback", "delete-pod", "cordon", "uncordon", "suspend", "resume")
        .doesNotContain("logs", "diagnose", "pods");
  }

  @Test
  void aDuplicateOrIncompleteIntentIsRejectedNamingTheFile() {
    String twice =
        "intents:\n"
            + "  - name: a\n    template: help\n    examples: [x]\n"
            + "  - name: a\n    template: help\n    examples: [y]\n";
    assertThatThrownBy(() -> Intents.read(stream(twice), "mine.yaml"))
        .hasMessageContaining("mine.yaml")
        .hasMessageContaining("defined twice");
    assertThatThrownBy(() -> Intents.read(stream("intents:\n  - name: b\n"), "mine.yaml"))
        .hasMessageContaining("needs a name and examples");
    assertThatThrownBy(() -> Intents.read(stream("intents: []\n"), "mine.yaml"))
        .hasMessageContaining("defines no intents");
  }

  private static ByteArrayInputStream stream(String yaml) {
    return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
  }
}
