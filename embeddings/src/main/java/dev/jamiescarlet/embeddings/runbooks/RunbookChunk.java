package dev.jamiescarlet.embeddings.runbooks;

/**
 * One section of a runbook, small enough to embed and quote.
 *
 * @param file the runbook's file name, e.g. {@code crashloopbackoff.md}
 * @param title the runbook's title (its {@code #} heading, else the file name)
 * @param heading the section's heading, e.g. {@code Fix › Wrong database URL}; empty for the intro
 * @param anchor the GitHub-style anchor of the heading, for links; empty for the intro
 * @param text the section's Markdown, without its heading line
 */
public record RunbookChunk(String file, String title, String heading, String anchor, String text) {

  /** What a citation shows: {@code crashloopbackoff.md › Fix}. */
  public String citation() {
    return heading.isEmpty() ? file : file + " › " + heading;
  }

  /** The text that is embedded and searched: title and heading give a short section context. */
  public String searchText() {
    return title + (heading.isEmpty() ? "" : " — " + heading) + "\n" + text;
  }
}
