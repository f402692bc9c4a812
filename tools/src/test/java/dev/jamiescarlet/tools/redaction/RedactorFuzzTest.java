package dev.jamiescarlet.tools.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the redaction layer. Without {@code JAZZER_FUZZ} they replay the seeds in {@code
 * RedactorFuzzTestInputs/}; {@code bench/fuzz.sh} fuzzes them for a set time.
 */
class RedactorFuzzTest {
  // the longest marker is "[REDACTED:" + a kind of at most ~20 characters + "]"
  private static final int MARKER_BOUND = 40;

  private final Redactor redactor = Redactor.get();

  @FuzzTest
  void redactIsIdempotentAndBounded(byte[] input) {
    // given any text
    String text = new String(input, StandardCharsets.UTF_8);

    // when redacted once and then again
    Redaction once = redactor.scan(text);
    String twice = redactor.redact(once.text());

    // then the second pass finds nothing new, and each finding grew the text by a marker at most
    assertThat(twice).isEqualTo(once.text());
    assertThat(once.total()).isLessThanOrEqualTo(text.length());
    assertThat(once.text().length())
        .isLessThanOrEqualTo(text.length() + once.total() * MARKER_BOUND);
    assertThat(once.clean()).isEqualTo(once.text().equals(text));
  }

  @Test
  void aUrlRightAfterAnotherLosesItsPasswordToo() {
    // found by redactIsIdempotentAndBounded: the first URL's scan ended inside the second's "://",
    // so the second kept its password until a second pass
    String out = redactor.redact("see a://x@h-b://app:s3cret@db:5432");

    // then the second URL's password goes in the first pass
    assertThat(out).isEqualTo("see a://x@h-b://app:[REDACTED:password]@db:5432");
  }

  @Test
  void aSecretKeyInsideAPlaceholderIsStillFound() {
    // found by redactIsIdempotentAndBounded: a placeholder value ('[…') was skipped whole, so the
    // pair inside it was only redacted once another scanner had cut the placeholder short
    String out = redactor.redact("--token '[unset db_password=Hunter2x9'");

    assertThat(out).isEqualTo("--token '[unset db_password=[REDACTED:password]'");
  }

  @FuzzTest
  void plantedTokenNeverSurvives(FuzzedDataProvider data) {
    // given a GitHub token set apart by spaces somewhere inside arbitrary text
    String before = data.consumeString(200);
    String after = data.consumeString(200);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 36; i++) {
      body.append(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
              .charAt(data.consumeInt(0, 61)));
    }
    String token = "ghp_" + body;

    // when redacted
    String out = redactor.redact(before + " " + token + " " + after);

    // then the token is gone whatever surrounds it
    assertThat(out).doesNotContain(token);
  }
}
