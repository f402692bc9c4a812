package dev.jamiescarlet.bot.commands;

import dev.jamiescarlet.bot.message.Message;

/** {@code help [VERB]}: every command's usage, or one command's in full. */
public final class HelpCommand implements Command {
  private static final Syntax SYNTAX = Syntax.of("help").optionalArg("VERB").build();

  @Override
  public String verb() {
    return "help";
  }

  @Override
  public Syntax syntax() {
    return SYNTAX;
  }

  @Override
  public String summary() {
    return "What I can do; `help VERB` for one command.";
  }

  @Override
  public boolean instant() {
    return true;
  }

  @Override
  public Message run(Invocation inv) {
    Commands commands = inv.context().commands();
    String verb = inv.arg(0);
    if (verb != null) {
      Command command =
          commands
              .find(verb)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "I don't know `"
                              + verb
                              + "`"
                              + commands
                                  .closest(verb)
                                  .map(s -> ". Did you mean `" + s + "`?")
                                  .orElse(""),
                          SYNTAX.usage()));
      return Message.builder(command.syntax().usage())
          .section("*`" + command.syntax().usage() + "`*\n" + command.summary())
          .context("Same grammar with `/jamie`, `@jamie` in a channel, and in a DM.")
          .ephemeral()
          .build();
    }
    StringBuilder lines = new StringBuilder();
    for (Command c : commands.all()) {
      if (!lines.isEmpty()) {
        lines.append('\n');
      }
      lines.append("`").append(c.syntax().usage()).append("`\n    ").append(c.summary());
    }
    return Message.builder("Jamie's commands")
        .header("Jamie, at your service")
        .section(lines.toString())
        .context(
            "Same grammar with `/jamie`, `@jamie` in a channel, and in a DM."
                + " Try `/jamie pods -n shop`.")
        .ephemeral()
        .build();
  }
}
