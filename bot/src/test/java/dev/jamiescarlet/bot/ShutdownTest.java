package dev.jamiescarlet.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownTest {

  @Test
  void aPartThatFailsToStopDoesNotKeepTheNextFromStopping() {
    List<String> stopped = new ArrayList<>();

    Shutdown.stop(
        "first",
        "part",
        () -> {
          throw new IllegalStateException("already closed");
        });
    Shutdown.stop("second", "part", () -> stopped.add("second"));

    assertThat(stopped).containsExactly("second");
  }

  @Test
  void aPartThatNeverStartedIsSkipped() {
    List<String> stopped = new ArrayList<>();

    Shutdown.stop("missing", null, () -> stopped.add("missing"));

    assertThat(stopped).isEmpty();
  }

  @Test
  void anInterruptedStopKeepsTheInterrupt() {
    Shutdown.stop(
        "slow",
        "part",
        () -> {
          throw new InterruptedException();
        });

    assertThat(Thread.interrupted()).isTrue();
  }
}
