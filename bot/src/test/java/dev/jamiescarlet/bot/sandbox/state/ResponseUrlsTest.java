package dev.jamiescarlet.bot.sandbox.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.bot.sandbox.SlackError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResponseUrlsTest {
  private final MutableClock clock = new MutableClock();
  private final ResponseUrls urls = new ResponseUrls(clock);
  private final ResponseUrls.Target target = new ResponseUrls.Target("C0SHOP", "U0ADA", null, null);

  @Test
  void givenUrl_whenUsedFiveTimes_thenSixthIsRefused() throws SlackError {
    String id = urls.create(target);
    for (int i = 0; i < 5; i++) {
      assertThat(urls.use(id)).isEqualTo(target);
    }

    assertThatThrownBy(() -> urls.use(id)).hasMessage("used_url");
  }

  @Test
  void givenUrl_whenThirtyMinutesPass_thenExpired() {
    String id = urls.create(target);
    clock.advance(Duration.ofMinutes(31));

    assertThatThrownBy(() -> urls.use(id)).hasMessage("expired_url");
    assertThatThrownBy(() -> urls.use("nope")).hasMessage("not_found");
  }
}
