package dev.jamiescarlet.tools.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BoundedYamlTest {

  @Test
  void anAliasBombIsReadWithoutExpandingIt() throws Exception {
    // given a billion-laughs document
    StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      yaml.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append(p)
          .append(",*")
          .append(p)
          .append(",*")
          .append(p)
          .append("]\n");
    }

    // when read, then the aliases stay aliases: nothing grows to a billion entries
    JsonNode root = BoundedYaml.mapper().readTree(yaml.toString());
    assertThat(root.get("a")).hasSize(5);
    assertThat(root.get("j").toString().length()).isLessThan(1_000);
  }

  @Test
  void nestingPastTheLimitFailsFast() {
    // given a document nested deeper than the limit
    String deep = "[".repeat(BoundedYaml.MAX_DEPTH + 10) + "]".repeat(BoundedYaml.MAX_DEPTH + 10);

    // then reading it fails with the parser's own error, not a stack overflow
    assertThatThrownBy(() -> BoundedYaml.mapper().readTree(deep))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void ordinaryYamlReadsAsUsual() throws Exception {
    JsonNode root = BoundedYaml.mapper().readTree("roles:\n  viewer:\n    verbs: [get, list]\n");
    assertThat(root.at("/roles/viewer/verbs/1").asText()).isEqualTo("list");
  }
}
