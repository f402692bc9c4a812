package dev.jamiescarlet.agents.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelPricesTest {
  private final ModelPrices prices = ModelPrices.standard();

  @Test
  void anExactNameWins() {
    assertThat(prices.priceOf("gpt-4o").entry()).isEqualTo("gpt-4o");
    assertThat(prices.priceOf("gpt-4o").known()).isTrue();
  }

  @Test
  void otherwiseTheLongestContainedNameOrAliasWinsIgnoringCase() {
    assertThat(prices.priceOf("GPT-4o-mini-2024-07-18").entry()).isEqualTo("gpt-4o-mini");
    assertThat(prices.priceOf("meta-llama/Llama-3.1-8B-Instruct").entry())
        .isEqualTo("llama-3.1-8b");
    assertThat(prices.priceOf("llama3.1:8b").entry()).isEqualTo("llama-3.1-8b");
    assertThat(prices.priceOf("meta-llama/Llama-3.3-70B-Instruct").entry())
        .isEqualTo("llama-3.3-70b");
  }

  @Test
  void anUnknownModelCostsNothingAndSaysSo() {
    ModelPrice price = prices.priceOf("my-private-model");
    assertThat(price.known()).isFalse();
    assertThat(price.entry()).isEqualTo("my-private-model");
    assertThat(prices.costUsd("my-private-model", 1_000_000, 1_000_000)).isZero();
    assertThat(prices.priceOf(null).known()).isFalse();
  }

  @Test
  void costsArePerMillionInputAndOutputTokens() {
    // gpt-4o-mini: $0.15 in, $0.60 out per million
    assertThat(prices.costUsd("gpt-4o-mini", 2_000_000, 500_000)).isCloseTo(0.60, within(1e-9));
  }

  @Test
  void aBrokenFileNamesTheEntryAndTheFields() {
    byte[] yaml =
        "models:\n  - name: x\n    inputPerMillion: cheap\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ModelPrices.parse(new ByteArrayInputStream(yaml), "prices.yaml"))
        .hasMessageContaining("prices.yaml: entry")
        .hasMessageContaining("numeric inputPerMillion/outputPerMillion");
    byte[] empty = "other: 1\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ModelPrices.parse(new ByteArrayInputStream(empty), "prices.yaml"))
        .hasMessageContaining("expected a `models:` list");
  }
}
