package dev.jamiescarlet.bot.sandbox.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.Json;
import dev.jamiescarlet.bot.sandbox.SandboxConfig;
import dev.jamiescarlet.bot.sandbox.state.Channel;
import dev.jamiescarlet.bot.sandbox.state.User;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadsTest {
  private final Payloads payloads = new Payloads(SandboxConfig.defaults(0));
  private final User ada = new User("U0ADA", "ada", "Ada", "operator", false);
  private final Channel shop = new Channel("C0SHOP", "shop", false);

  @Test
  void givenMention_whenWrapped_thenEventCallbackLooksLikeSlacks() {
    ObjectNode event =
        payloads.appMention("U0ADA", "C0SHOP", "<@U0JAMIE> hi", "1.000001", "1.000000");

    ObjectNode cb = payloads.eventCallback(event, "Ev0TEST", 1_732_200_000L);

    assertThat(cb.path("type").asText()).isEqualTo("event_callback");
    assertThat(cb.path("api_app_id").asText()).isEqualTo("A0JAMIE");
    assertThat(cb.path("team_id").asText()).isEqualTo("T0SANDBOX");
    assertThat(cb.path("event_id").asText()).isEqualTo("Ev0TEST");
    assertThat(cb.path("authorizations").get(0).path("user_id").asText()).isEqualTo("U0JAMIE");
    assertThat(cb.path("event").path("thread_ts").asText()).isEqualTo("1.000000");
    assertThat(cb.path("event").path("event_ts").asText()).isEqualTo("1.000001");
  }

  @Test
  void givenDm_whenBuilt_thenChannelTypeIsIm() {
    ObjectNode e = payloads.imMessage("U0ADA", "D0JAMIE", "hi", "1.1", null);

    assertThat(e.path("type").asText()).isEqualTo("message");
    assertThat(e.path("channel_type").asText()).isEqualTo("im");
    assertThat(e.has("thread_ts")).isFalse();
  }

  @Test
  void givenSlashCommand_whenBuilt_thenAllFieldsAreStrings() {
    ObjectNode p =
        payloads.slashCommand(
            ada, shop, "/jamie", "pods -n shop", "1.2.abc", "http://x/response/1");

    assertThat(p.path("command").asText()).isEqualTo("/jamie");
    assertThat(p.path("text").asText()).isEqualTo("pods -n shop");
    assertThat(p.path("channel_name").asText()).isEqualTo("shop");
    assertThat(p.path("user_name").asText()).isEqualTo("ada");
    p.properties().forEach(e -> assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue());
  }

  @Test
  void givenButtonOnMessage_whenClicked_thenBlockActionsCarriesMessageAndAction() {
    ObjectNode message =
        (ObjectNode)
            Json.parse(
                "{\"ts\":\"1.5\",\"text\":\"Restart?\",\"seq\":3,\"ephemeral\":false,\"blocks\":[{\"type\":\"actions\",\"block_id\":\"b1\","
                    + "\"elements\":[{\"type\":\"button\",\"action_id\":\"go\",\"value\":\"v\",\"style\":\"primary\",\"text\":{\"type\":\"plain_text\",\"text\":\"Go\"}}]}]}");
    ButtonHit hit = ButtonHit.find(message.get("blocks"), "go", "v").orElseThrow();

    ObjectNode p = payloads.blockActions(ada, shop, message, null, hit, "t", "http://r", "2.0");

    assertThat(p.path("type").asText()).isEqualTo("block_actions");
    assertThat(p.path("container").path("message_ts").asText()).isEqualTo("1.5");
    assertThat(p.path("message").has("seq")).isFalse();
    assertThat(p.path("actions").get(0).path("block_id").asText()).isEqualTo("b1");
    assertThat(p.path("actions").get(0).path("style").asText()).isEqualTo("primary");
    assertThat(p.path("response_url").asText()).isEqualTo("http://r");
    assertThat(ButtonHit.find(message.get("blocks"), "go", "other")).isEmpty();
  }

  @Test
  void givenButtonInView_whenClicked_thenContainerIsTheView() {
    ObjectNode view =
        (ObjectNode)
            Json.parse(
                "{\"id\":\"V1\",\"blocks\":[{\"type\":\"section\",\"block_id\":\"s\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"},"
                    + "\"accessory\":{\"type\":\"button\",\"action_id\":\"approve\",\"text\":{\"type\":\"plain_text\",\"text\":\"OK\"}}}]}");
    ButtonHit hit = ButtonHit.find(view.get("blocks"), "approve", null).orElseThrow();

    ObjectNode p = payloads.blockActions(ada, null, null, view, hit, "t", null, "2.0");

    assertThat(p.path("container").path("type").asText()).isEqualTo("view");
    assertThat(p.path("view").path("id").asText()).isEqualTo("V1");
  }

  @Test
  void givenModalInputs_whenSubmitted_thenStateValuesFollowElementTypes() {
    var blocks =
        Json.parse(
            "[{\"type\":\"input\",\"block_id\":\"reason\",\"element\":{\"type\":\"plain_text_input\",\"action_id\":\"r\"}},"
                + "{\"type\":\"input\",\"block_id\":\"ns\",\"element\":{\"type\":\"static_select\",\"action_id\":\"n\","
                + "\"options\":[{\"text\":{\"type\":\"plain_text\",\"text\":\"shop\"},\"value\":\"shop\"}]}},"
                + "{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"x\"}}]");

    ObjectNode values = ViewState.values(blocks, Map.of("r", "OOM", "ns", "shop"));
    ObjectNode p =
        payloads.viewSubmission(
            ada,
            (ObjectNode) Json.parse("{\"id\":\"V1\",\"sandbox_user\":\"U0ADA\"}"),
            values,
            "t");

    assertThat(values.path("reason").path("r").path("value").asText()).isEqualTo("OOM");
    assertThat(values.path("ns").path("n").path("selected_option").path("value").asText())
        .isEqualTo("shop");
    assertThat(p.path("view").has("sandbox_user")).isFalse();
    assertThat(p.path("view").path("state").path("values").path("reason").isObject()).isTrue();
  }

  @Test
  void givenHomeOpened_whenBuilt_thenTabIsHome() {
    ObjectNode e = payloads.appHomeOpened("U0ADA", "D0JAMIE", null, "1.0");

    assertThat(e.path("tab").asText()).isEqualTo("home");
    assertThat(e.has("view")).isFalse();
  }
}
