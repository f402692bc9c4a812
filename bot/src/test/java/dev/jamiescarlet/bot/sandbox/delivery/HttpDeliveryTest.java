package dev.jamiescarlet.bot.sandbox.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import dev.jamiescarlet.bot.sandbox.Json;
import org.junit.jupiter.api.Test;

class HttpDeliveryTest {

  private static Envelope envelope(String type) {
    ObjectNode p = Json.object();
    p.put("command", "/jamie");
    p.put("text", "pods -n shop");
    return new Envelope(type, p, ack -> {});
  }

  @Test
  void givenSlashCommand_whenEncoded_thenFormFields() {
    var body = HttpDelivery.body(envelope(Envelope.SLASH_COMMANDS));

    assertThat(body.getKey()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(body.getValue()).isEqualTo("command=%2Fjamie&text=pods+-n+shop");
  }

  @Test
  void givenInteraction_whenEncoded_thenPayloadParameter() {
    assertThat(HttpDelivery.body(envelope(Envelope.INTERACTIVE)).getValue())
        .startsWith("payload=%7B");
    assertThat(HttpDelivery.body(envelope(Envelope.EVENTS_API)).getKey())
        .isEqualTo("application/json");
  }

  @Test
  void givenResponseBodies_whenReadAsAcks_thenJsonOrTextOrNothing() {
    Envelope slash = envelope(Envelope.SLASH_COMMANDS);
    assertThat(HttpDelivery.ackPayload(slash, "{\"text\":\"a\"}").path("text").asText())
        .isEqualTo("a");
    assertThat(HttpDelivery.ackPayload(slash, "plain").path("text").asText()).isEqualTo("plain");
    assertThat(HttpDelivery.ackPayload(slash, "")).isEmpty();
    assertThat(HttpDelivery.ackPayload(envelope(Envelope.EVENTS_API), "{\"text\":\"a\"}"))
        .isEmpty();
  }

  @Test
  void givenBody_whenSigned_thenBoltsVerifierAccepts() {
    String ts = Long.toString(System.currentTimeMillis() / 1000);
    String sig = SlackSigner.sign("s3cret", ts, "a=b");

    assertThat(
            new SlackSignature.Verifier(new SlackSignature.Generator("s3cret"))
                .isValid(ts, "a=b", sig))
        .isTrue();
    assertThat(sig).isEqualTo(new SlackSignature.Generator("s3cret").generate(ts, "a=b"));
  }
}
