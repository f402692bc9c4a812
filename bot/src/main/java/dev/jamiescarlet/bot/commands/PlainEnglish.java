package dev.jamiescarlet.bot.commands;

import java.util.List;

/** Understands a line that is not a command; the bot's own is the semantic intent router. */
public interface PlainEnglish {

  /** What the line most likely asks for, in the asker's place (cluster, channel). */
  Understanding understand(String text, CommandContext context);

  /** The answer of a {@link PlainEnglish}. */
  sealed interface Understanding {}

  /**
   * Confident: run this command line.
   *
   * @param commandLine the command, in the same grammar people type
   * @param confidence how sure, 0–1
   */
  record Run(String commandLine, double confidence) implements Understanding {}

  /**
   * Not sure: say what was understood and offer the closest commands.
   *
   * @param understood one line, e.g. "logs, for a workload I couldn't find"
   * @param suggestions complete command lines, closest first
   */
  record Unsure(String understood, List<String> suggestions) implements Understanding {
    /** Copies. */
    public Unsure {
      suggestions = List.copyOf(suggestions);
    }
  }

  /** Nothing close: the line is not something a command answers. */
  record Nothing() implements Understanding {}
}
