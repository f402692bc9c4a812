package dev.jamiescarlet.agents.usage;

/** What token usage is counted by, one document per UTC day and key. */
public enum Dimension {
  AGENT("agent"),
  USER("user"),
  CHANNEL("channel"),
  MODEL("model");

  private final String field;

  Dimension(String field) {
    this.field = field;
  }

  /** The name stored in {@code token_usage.dimension}. */
  public String field() {
    return field;
  }
}
