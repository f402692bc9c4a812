package dev.jamiescarlet.bot;

/** Entry point: {@code jamie.jar [demo|--help]}. */
public final class Main {
  private Main() {}

  /** Runs the bot, the demo, or prints help. */
  public static void main(String[] args) {
    throw new UnsupportedOperationException("wired in the next commit");
  }
}
