package dev.jamiescarlet.embeddings.memory;

/** What a memory is, and the MongoDB collection that holds memories of that kind. */
public enum MemoryKind {
  /** A chunk of a runbook file, replaced as a whole when the file changes. */
  RUNBOOK("runbook_chunks"),
  /** Something a team asked the bot to remember. */
  TEAM("memories"),
  /** The summary of a past conversation or investigation. */
  SUMMARY("summaries");

  private final String collection;

  MemoryKind(String collection) {
    this.collection = collection;
  }

  /** The MongoDB collection name. */
  public String collection() {
    return collection;
  }
}
