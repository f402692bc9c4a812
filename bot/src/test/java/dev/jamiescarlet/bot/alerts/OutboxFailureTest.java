package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.alerts.OutboxFailure.Kind;
import dev.jamiescarlet.bot.slack.SlackDeliveryException;
import org.junit.jupiter.api.Test;

class OutboxFailureTest {

  private static OutboxFailure slack(String error) {
    return OutboxFailure.of(new SlackDeliveryException("chat.postMessage", error, "x", null));
  }

  @Test
  void slackErrorsAreSortedByWhoWaits() {
    assertThat(slack("ratelimited").kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(slack("io_error").kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(slack("http_503").kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(slack("internal_error").kind()).isEqualTo(Kind.TRANSIENT);
    assertThat(slack("not_in_channel").kind()).isEqualTo(Kind.PERMANENT);
    assertThat(slack("channel_not_found").kind()).isEqualTo(Kind.PERMANENT);
    assertThat(slack("invalid_auth").kind()).isEqualTo(Kind.PERMANENT);
    assertThat(slack("invalid_blocks").kind()).isEqualTo(Kind.MESSAGE);
    assertThat(slack("upload_http_500").kind()).isEqualTo(Kind.MESSAGE);
    assertThat(slack(null).kind()).isEqualTo(Kind.TRANSIENT);
  }

  @Test
  void aFailureOutsideSlackHoldsOnlyItsGroup() {
    OutboxFailure f = OutboxFailure.of(new IllegalStateException("render failed"));

    assertThat(f.kind()).isEqualTo(Kind.MESSAGE);
    assertThat(f.error()).isEqualTo("IllegalStateException");
  }

  @Test
  void anOutageIsOneStateWhateverSlackAnswersMeanwhile() {
    assertThat(slack("io_error").state()).isEqualTo(slack("http_500").state());
    assertThat(slack("not_in_channel").state()).isNotEqualTo(slack("channel_not_found").state());
  }
}
