package dev.jamiescarlet.bot.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SlackError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ViewStoreTest {
  private final MutableClock clock = new MutableClock();
  private final ViewStore views = new ViewStore(clock, "T0SANDBOX", "B0JAMIE");

  @Test
  void givenFreshTrigger_whenUsedWithinThreeSeconds_thenItNamesTheUser() throws SlackError {
    String trigger = views.newTrigger("U0ADA");
    clock.advance(Duration.ofMillis(2_900));

    assertThat(views.userOfTrigger(trigger)).isEqualTo("U0ADA");
  }

  @Test
  void givenOldTrigger_whenUsed_thenExpiredTriggerId() {
    String trigger = views.newTrigger("U0ADA");
    clock.advance(Duration.ofMillis(3_100));

    assertThatThrownBy(() -> views.userOfTrigger(trigger)).hasMessage("expired_trigger_id");
    assertThatThrownBy(() -> views.userOfTrigger("1.2.3")).hasMessage("invalid_trigger_id");
  }

  @Test
  void givenOpenModal_whenUpdatedByExternalId_thenIdIsKeptAndBlocksReplaced() throws SlackError {
    var opened =
        views.openModal(
            "U0BOB", Json.parse("{\"type\":\"modal\",\"external_id\":\"x1\",\"blocks\":[]}"));

    var updated =
        views.update(
            null,
            "x1",
            Json.parse(
                "{\"type\":\"modal\",\"external_id\":\"x1\",\"blocks\":[{\"type\":\"divider\"}]}"));

    assertThat(updated.path("id").asText()).isEqualTo(opened.path("id").asText());
    assertThat(views.modal("U0BOB").orElseThrow().path("blocks").get(0).has("block_id")).isTrue();
    assertThatThrownBy(() -> views.update("V0NOPE", null, Json.object())).hasMessage("not_found");
    views.closeModal("U0BOB");
    assertThat(views.modal("U0BOB")).isEmpty();
  }

  @Test
  void givenHomePublishedTwice_whenRead_thenLatestViewWithSameId() {
    var first = views.publishHome("U0ADA", Json.parse("{\"type\":\"home\",\"blocks\":[]}"));
    views.publishHome("U0ADA", Json.parse("{\"type\":\"home\",\"callback_id\":\"v2\"}"));

    var home = views.home("U0ADA").orElseThrow();
    assertThat(home.path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(home.path("callback_id").asText()).isEqualTo("v2");
  }
}
