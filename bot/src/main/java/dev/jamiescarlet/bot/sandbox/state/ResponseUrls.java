package dev.jamiescarlet.bot.sandbox.state;

import dev.jamiescarlet.bot.sandbox.SlackError;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** response_url targets: each works up to five times within thirty minutes, as on Slack. */
public final class ResponseUrls {
  /** Uses allowed per response_url. */
  public static final int MAX_USES = 5;

  /** Lifetime of a response_url. */
  public static final Duration TTL = Duration.ofMinutes(30);

  /**
   * Where a response goes.
   *
   * @param channel the channel of the interaction
   * @param user who interacted; ephemeral responses are visible to them
   * @param messageTs the message a button sat on (replace_original/delete_original act on it)
   * @param threadTs the thread the interaction happened in
   */
  public record Target(String channel, String user, String messageTs, String threadTs) {}

  private static final class Entry {
    final Target target;
    final long createdMillis;
    int uses;

    Entry(Target target, long createdMillis) {
      this.target = target;
      this.createdMillis = createdMillis;
    }
  }

  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>();

  /** A registry reading time from {@code clock}. */
  public ResponseUrls(Clock clock) {
    this.clock = clock;
  }

  /** Registers a target and returns the id for {@code /response/{id}}. */
  public synchronized String create(Target target) {
    String id = Ids.hex(12);
    entries.put(id, new Entry(target, clock.millis()));
    return id;
  }

  /** Uses the URL once; throws with Slack's error (used_url, expired_url, not_found). */
  public synchronized Target use(String id) throws SlackError {
    Entry e = entries.get(id);
    if (e == null) {
      throw new SlackError("not_found");
    }
    if (clock.millis() - e.createdMillis > TTL.toMillis()) {
      throw new SlackError("expired_url");
    }
    if (e.uses >= MAX_USES) {
      throw new SlackError("used_url");
    }
    e.uses++;
    return e.target;
  }
}
