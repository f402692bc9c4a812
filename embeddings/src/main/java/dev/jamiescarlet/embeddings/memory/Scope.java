package dev.jamiescarlet.embeddings.memory;

import java.util.Objects;

/** Who may see a memory: everyone, one team, or one Slack channel. */
public record Scope(Type type, String id) {

  /** The kinds of scope. */
  public enum Type {
    GLOBAL,
    TEAM,
    CHANNEL
  }

  private static final Scope GLOBAL_SCOPE = new Scope(Type.GLOBAL, null);

  /** Checks that team and channel scopes name an id and the global scope does not. */
  public Scope {
    Objects.requireNonNull(type, "scope type");
    if (type == Type.GLOBAL) {
      id = null;
    } else if (id == null || id.isBlank() || id.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "a "
              + type.name().toLowerCase(java.util.Locale.ROOT)
              + " scope needs an id without ':' (e.g. Scope.channel(\"C0SHOP\")), got '"
              + id
              + "'");
    }
  }

  /** Visible to everyone. */
  public static Scope global() {
    return GLOBAL_SCOPE;
  }

  /** Visible to one team (e.g. a Slack user group or a policy team name). */
  public static Scope team(String id) {
    return new Scope(Type.TEAM, id);
  }

  /** Visible in one Slack channel. */
  public static Scope channel(String id) {
    return new Scope(Type.CHANNEL, id);
  }

  /** The stored form: {@code global}, {@code team:<id>} or {@code channel:<id>}. */
  public String key() {
    return type == Type.GLOBAL
        ? "global"
        : type.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }

  /** Reads the stored form written by {@link #key()}. */
  public static Scope parse(String key) {
    if ("global".equals(key)) {
      return GLOBAL_SCOPE;
    }
    int colon = key == null ? -1 : key.indexOf(':');
    if (colon > 0) {
      String type = key.substring(0, colon);
      String id = key.substring(colon + 1);
      if ("team".equals(type)) {
        return team(id);
      }
      if ("channel".equals(type)) {
        return channel(id);
      }
    }
    throw new IllegalArgumentException(
        "not a scope key: '" + key + "'; expected global, team:<id> or channel:<id>");
  }

  @Override
  public String toString() {
    return key();
  }
}
