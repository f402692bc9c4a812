package dev.jamiescarlet.bot.sandbox.webapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jamiescarlet.bot.sandbox.SlackError;

/** One Web API method: its arguments in, the response fields (without "ok") out. */
@FunctionalInterface
public interface ApiMethod {

  /** Runs the method; a {@link SlackError} becomes {"ok":false,"error":…}. */
  ObjectNode call(ApiParams params) throws SlackError;
}
