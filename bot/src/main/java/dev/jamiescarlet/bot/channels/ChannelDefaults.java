package dev.jamiescarlet.bot.channels;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Per-channel defaults (`/jamie use cluster NAME`), kept in MongoDB so every replica agrees; read
 * through a 30-second front cache because every command asks. The cache is never a fallback: once
 * it is stale, a failed read throws, and callers refuse rather than guess another cluster.
 */
public final class ChannelDefaults {
  /** The collection's name. */
  public static final String COLLECTION = "channel_defaults";

  private static final long CACHE_MILLIS = 30_000;

  private final MongoCollection<Document> collection;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(String cluster, long at) {}

  /** Defaults in {@code database}. */
  public ChannelDefaults(MongoDatabase database, Clock clock) {
    this.collection = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  /** The channel's default cluster, if someone set one. */
  public Optional<String> cluster(String channel) {
    if (channel == null) {
      return Optional.empty();
    }
    long now = clock.millis();
    Cached hit = cache.get(channel);
    if (hit != null && now - hit.at() < CACHE_MILLIS) {
      return Optional.ofNullable(hit.cluster());
    }
    Document d = collection.find(Filters.eq("_id", channel)).first();
    String cluster = d == null ? null : d.getString("cluster");
    cache.put(channel, new Cached(cluster, now));
    return Optional.ofNullable(cluster);
  }

  /** Makes {@code cluster} the channel's default. */
  public void set(String channel, String cluster, String by) {
    collection.replaceOne(
        Filters.eq("_id", channel),
        new Document("_id", channel)
            .append("cluster", cluster)
            .append("setBy", by)
            .append("at", Date.from(clock.instant())),
        new ReplaceOptions().upsert(true));
    cache.put(channel, new Cached(cluster, clock.millis()));
  }

  /** Removes the channel's default. */
  public void clear(String channel) {
    collection.deleteOne(Filters.eq("_id", channel));
    cache.put(channel, new Cached(null, clock.millis()));
  }
}
