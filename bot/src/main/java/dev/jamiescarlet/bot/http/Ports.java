package dev.jamiescarlet.bot.http;

import io.javalin.Javalin;
import java.net.BindException;

/** Turns "address already in use" into a message that names the variable to change. */
public final class Ports {
  private Ports() {}

  /** Whether a failure was caused by a port already in use. */
  public static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException
          || t.getMessage() != null && t.getMessage().contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  /** The exception to throw when {@code port} (set by {@code variable}) is taken. */
  public static StartupException taken(int port, String variable, Throwable cause) {
    return new StartupException(
        "Port "
            + port
            + " is already in use: set "
            + variable
            + " to a free port (e.g. "
            + variable
            + "="
            + (port + 1)
            + ")",
        cause);
  }

  /** Starts {@code javalin} on {@code bind:port}; a taken port fails naming {@code variable}. */
  public static void start(Javalin javalin, String bind, int port, String variable) {
    try {
      javalin.start(bind, port);
    } catch (RuntimeException e) {
      if (inUse(e)) {
        throw taken(port, variable, e);
      }
      throw e;
    }
  }
}
