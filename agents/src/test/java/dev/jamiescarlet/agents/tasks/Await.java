package dev.jamiescarlet.agents.tasks;

import java.util.function.BooleanSupplier;

/**
 * Waits for a condition another thread makes true, failing after 10 s; it never asserts on elapsed
 * time.
 */
final class Await {
  private Await() {}

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(5);
    }
  }
}
