package dev.jamiescarlet.embeddings.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void keysRoundTrip() {
    for (Scope s : List.of(Scope.global(), Scope.team("sre"), Scope.channel("C0SHOP"))) {
      assertThat(Scope.parse(s.key())).isEqualTo(s);
    }
    assertThat(Scope.channel("C0SHOP").key()).isEqualTo("channel:C0SHOP");
    assertThat(Scope.global().key()).isEqualTo("global");
    assertThat(new Scope(Scope.Type.GLOBAL, "ignored")).isEqualTo(Scope.global());
  }

  @Test
  void badScopesNameTheFix() {
    assertThatThrownBy(() -> Scope.channel(" ")).hasMessageContaining("Scope.channel(\"C0SHOP\")");
    assertThatThrownBy(() -> Scope.team("a:b")).hasMessageContaining("without ':'");
    assertThatThrownBy(() -> Scope.parse("user:U1")).hasMessageContaining("channel:<id>");
  }

  @Test
  void queriesAndDraftsValidateTheirInput() {
    assertThatThrownBy(() -> new MemoryQuery(MemoryKind.TEAM, "x", List.of(), null, 5))
        .hasMessageContaining("Scope.global()");
    assertThatThrownBy(
            () -> new MemoryQuery(MemoryKind.TEAM, "x", List.of(Scope.global()), null, 0))
        .hasMessageContaining("between 1 and 100");
    assertThatThrownBy(
            () -> new NewMemory(MemoryKind.TEAM, " ", null, null, Scope.global(), null, null, null))
        .hasMessageContaining("needs some text");
    NewMemory draft =
        new NewMemory(MemoryKind.TEAM, "text", null, null, Scope.global(), null, null, null);
    assertThat(draft.title()).isEmpty();
    assertThat(draft.source()).isEmpty();
    assertThat(draft.embeddingText()).isEqualTo("text");
  }
}
