package dev.jamiescarlet.agents.threads;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LangChain4j chat memory kept in the {@code thread_memory} collection: one document per memory id
 * holding the messages as LangChain4j JSON, so threads survive restarts.
 */
public final class MongoChatMemoryStore implements ChatMemoryStore {
  /** The collection's name. */
  public static final String COLLECTION = "thread_memory";

  /** How long a thread is kept after its last message unless told otherwise. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  private static final Logger log = LoggerFactory.getLogger(MongoChatMemoryStore.class);

  private final MongoCollection<Document> threads;
  private final Clock clock;
  private final Duration retention;

  /** A store keeping threads for {@link #DEFAULT_RETENTION} after their last update. */
  public MongoChatMemoryStore(MongoDatabase database, Clock clock) {
    this(database, clock, DEFAULT_RETENTION);
  }

  /** A store keeping threads for {@code retention} after their last update. */
  public MongoChatMemoryStore(MongoDatabase database, Clock clock, Duration retention) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException(
          "thread memory retention must be positive, got " + retention + "; e.g. P30D");
    }
    this.threads = database.getCollection(COLLECTION);
    this.clock = clock;
    this.retention = retention;
    try {
      threads.createIndex(Indexes.ascending("updated"));
    } catch (MongoException e) {
      throw new ThreadStoreException("create the thread_memory index", e);
    }
    try {
      // real MongoDB then deletes expired threads itself; purgeExpired() covers servers without TTL
      threads.createIndex(
          Indexes.ascending("expires"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    } catch (MongoException e) {
      log.warn(
          "no TTL index on thread_memory.expires ({}); purgeExpired() cleans up", e.getMessage());
    }
  }

  @Override
  public List<ChatMessage> getMessages(Object memoryId) {
    Document doc;
    try {
      doc = threads.find(Filters.eq("_id", memoryId.toString())).first();
    } catch (MongoException e) {
      throw new ThreadStoreException("read thread " + memoryId, e);
    }
    if (doc == null || expired(doc)) {
      return new ArrayList<>();
    }
    String json = doc.getString("messages");
    return json == null
        ? new ArrayList<>()
        : new ArrayList<>(ChatMessageDeserializer.messagesFromJson(json));
  }

  @Override
  public void updateMessages(Object memoryId, List<ChatMessage> messages) {
    Instant now = clock.instant();
    Document doc =
        new Document("_id", memoryId.toString())
            .append("messages", ChatMessageSerializer.messagesToJson(messages))
            .append("count", messages.size())
            .append("updated", Date.from(now))
            .append("expires", Date.from(now.plus(retention)));
    try {
      threads.replaceOne(
          Filters.eq("_id", memoryId.toString()), doc, new ReplaceOptions().upsert(true));
    } catch (MongoException e) {
      throw new ThreadStoreException("save thread " + memoryId, e);
    }
  }

  @Override
  public void deleteMessages(Object memoryId) {
    try {
      threads.deleteOne(Filters.eq("_id", memoryId.toString()));
    } catch (MongoException e) {
      throw new ThreadStoreException("delete thread " + memoryId, e);
    }
  }

  /** Deletes every thread whose retention has run out; returns how many. */
  public long purgeExpired() {
    try {
      return threads
          .deleteMany(Filters.lte("expires", Date.from(clock.instant())))
          .getDeletedCount();
    } catch (MongoException e) {
      throw new ThreadStoreException("purge expired threads", e);
    }
  }

  private boolean expired(Document doc) {
    Date expires = doc.getDate("expires");
    return expires != null && !expires.toInstant().isAfter(clock.instant());
  }
}
