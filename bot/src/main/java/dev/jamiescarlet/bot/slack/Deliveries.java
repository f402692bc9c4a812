package dev.jamiescarlet.bot.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which Slack deliveries (event_id, trigger_id) already ran, so a retried delivery —
 * Slack retries when an ack is slow, and Socket Mode may redeliver — never runs the same work
 * twice.
 */
public final class Deliveries {
  private final Map<String, Long> seen = new LinkedHashMap<>();
  private final Clock clock;
  private final long ttlMillis;
  private final int capacity;

  /**
   * Keeps keys for {@code ttl} (Slack retries within minutes), at most {@code capacity} of them.
   */
  public Deliveries(Clock clock, Duration ttl, int capacity) {
    this.clock = clock;
    this.ttlMillis = ttl.toMillis();
    this.capacity = capacity;
  }

  /** Defaults: one hour, 100,000 keys. */
  public static Deliveries standard() {
    return new Deliveries(Clock.systemUTC(), Duration.ofHours(1), 100_000);
  }

  /** True the first time a key is seen; false for every repeat within the TTL. Null keys run. */
  public synchronized boolean first(String key) {
    if (key == null || key.isEmpty()) {
      return true;
    }
    long now = clock.millis();
    evict(now);
    Long at = seen.get(key);
    if (at != null && now - at < ttlMillis) {
      return false;
    }
    seen.put(key, now);
    return true;
  }

  private void evict(long now) {
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Long> e = it.next();
      if (seen.size() > capacity || now - e.getValue() >= ttlMillis) {
        it.remove();
      } else {
        break;
      }
    }
  }
}
