package dev.jamiescarlet.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.bot.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SlackSignaturesTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String BODY = "token=x&team_id=T1&command=%2Fjamie&text=help";

  private final TestClock clock = new TestClock();
  private final SlackSignatures signatures = new SlackSignatures(SECRET, clock);

  static String sign(String secret, String ts, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "v0="
        + HexFormat.of()
            .formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
  }

  private String at(Duration offset) {
    return String.valueOf(clock.instant().plus(offset).getEpochSecond());
  }

  @Test
  void aCorrectlySignedRequestOfNowIsAccepted() throws Exception {
    String ts = at(Duration.ZERO);
    assertThat(signatures.valid(ts, BODY, sign(SECRET, ts, BODY))).isTrue();
  }

  @Test
  void anHourInTheFutureIsRefusedThoughCorrectlySigned() throws Exception {
    // given a request signed with the right secret, stamped an hour ahead (Bolt 1.48 accepts it)
    String ts = at(Duration.ofHours(1));

    // when / then
    assertThat(signatures.refusal(ts, BODY, sign(SECRET, ts, BODY)))
        .isEqualTo("timestamp 3600 s in the future");
  }

  @Test
  void tenMinutesOldIsRefusedThoughCorrectlySigned() throws Exception {
    String ts = at(Duration.ofMinutes(-10));
    assertThat(signatures.refusal(ts, BODY, sign(SECRET, ts, BODY)))
        .isEqualTo("timestamp 600 s old");
  }

  @Test
  void fiveMinutesEitherWayIsStillAcceptedAndOneSecondMoreIsNot() throws Exception {
    for (Duration ok : new Duration[] {Duration.ofMinutes(5), Duration.ofMinutes(-5)}) {
      String ts = at(ok);
      assertThat(signatures.valid(ts, BODY, sign(SECRET, ts, BODY))).as("%s", ok).isTrue();
    }
    for (Duration late : new Duration[] {Duration.ofSeconds(301), Duration.ofSeconds(-301)}) {
      String ts = at(late);
      assertThat(signatures.valid(ts, BODY, sign(SECRET, ts, BODY))).as("%s", late).isFalse();
    }
  }

  @Test
  void aWrongSignatureOfTheSameLengthIsRefused() throws Exception {
    // given the right signature with its last hex digit changed, and one under another secret
    String ts = at(Duration.ZERO);
    String right = sign(SECRET, ts, BODY);
    String flipped = right.substring(0, right.length() - 1) + (right.endsWith("0") ? "1" : "0");
    String otherSecret = sign("another-secret", ts, BODY);

    // then
    assertThat(flipped).hasSameSizeAs(right);
    assertThat(signatures.refusal(ts, BODY, flipped)).isEqualTo("signature does not match");
    assertThat(signatures.refusal(ts, BODY, otherSecret)).isEqualTo("signature does not match");
    assertThat(signatures.valid(ts, BODY + "&x=1", right)).isFalse();
  }

  @Test
  void missingOrMalformedHeadersAreRefused() throws Exception {
    String ts = at(Duration.ZERO);
    String right = sign(SECRET, ts, BODY);
    assertThat(signatures.refusal(null, BODY, right))
        .isEqualTo("no X-Slack-Request-Timestamp header");
    assertThat(signatures.refusal(ts, BODY, null)).isEqualTo("no X-Slack-Signature header");
    for (String bad : new String[] {"", "-1", "+" + ts, "12e9", "9".repeat(19), ts + " "}) {
      assertThat(signatures.refusal(bad, BODY, sign(SECRET, bad, BODY)))
          .as("timestamp `%s`", bad)
          .isEqualTo("malformed timestamp");
    }
  }

  @Test
  void aBlankSecretIsRefusedAtOnce() {
    assertThatThrownBy(() -> new SlackSignatures(" ", clock))
        .hasMessageContaining("SLACK_SIGNING_SECRET");
  }
}
