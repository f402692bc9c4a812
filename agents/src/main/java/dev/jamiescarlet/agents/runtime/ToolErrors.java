package dev.jamiescarlet.agents.runtime;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.service.tool.ToolErrorContext;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import java.util.Locale;

/**
 * What the model is told when a tool call goes wrong, so it can correct itself instead of the
 * request failing (LangChain4j's default is to abort).
 */
final class ToolErrors {
  private ToolErrors() {}

  /** A call to a tool that does not exist (or that this agent may not use). */
  static ToolExecutionResultMessage unknownTool(ToolExecutionRequest request) {
    return ToolExecutionResultMessage.from(
        request,
        "Error: there is no tool called `"
            + request.name()
            + "` for you. Use only the tools you were given; to change something, call"
            + " propose_action.");
  }

  /** Arguments LangChain4j could not bind to the method's parameters. */
  static ToolErrorHandlerResult badArguments(Throwable error, ToolErrorContext context) {
    return ToolErrorHandlerResult.text(
        "Error: the arguments for `"
            + context.toolExecutionRequest().name()
            + "` were not valid ("
            + error.getMessage()
            + "). Call it again with arguments that match its parameters.");
  }

  /** A tool that threw (ours return errors as text, so this is a bug; the model still hears). */
  static ToolErrorHandlerResult failed(Throwable error, ToolErrorContext context) {
    return ToolErrorHandlerResult.text(
        "Error: `"
            + context.toolExecutionRequest().name()
            + "` failed: "
            + error.getMessage()
            + ". Try a different call or say what you could not find out.");
  }

  /** A progress line for a tool call, e.g. "read_logs {…}" → "reading logs". */
  static String describe(ToolExecutionRequest request) {
    String name = request.name().toLowerCase(Locale.ROOT);
    int underscore = name.indexOf('_');
    String verb = underscore < 0 ? name : name.substring(0, underscore);
    String object = underscore < 0 ? "" : name.substring(underscore + 1).replace('_', ' ');
    String ing =
        switch (verb) {
          case "read" -> "reading";
          case "list" -> "listing";
          case "describe" -> "describing";
          case "search" -> "searching";
          case "diagnose" -> "diagnosing";
          case "propose" -> "proposing";
          default -> verb;
        };
    String args = request.arguments() == null ? "" : request.arguments();
    if (args.length() > 80) {
      args = args.substring(0, 77) + "...";
    }
    return (ing + " " + object).strip() + " " + args;
  }
}
