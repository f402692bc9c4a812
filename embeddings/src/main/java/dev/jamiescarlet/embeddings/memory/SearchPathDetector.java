package dev.jamiescarlet.embeddings.memory;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Decides between the Atlas and the exact path: search index commands answer only where MongoDB
 * runs search nodes (Atlas, or MongoDB 8.2+ with mongot); elsewhere they fail fast with an error.
 */
final class SearchPathDetector {

  /** The outcome: which path, and why (the server's error when Atlas is unavailable). */
  record Detection(boolean atlas, String reason) {}

  /** Atlas Vector Search arrived in 6.0.11 and 7.0.2; nothing older can have it. */
  static final int MIN_MAJOR_VERSION = 6;

  private SearchPathDetector() {}

  static Detection detect(MongoDatabase db, int dimensions) {
    createCollections(db);
    String version = serverVersion(db);
    if (version != null && majorVersion(version) < MIN_MAJOR_VERSION) {
      // skip the probe: an old server (or mongo-java-server) would log it as an error
      return new Detection(
          false, "MongoDB " + version + " predates vector search (it needs 6.0.11 or later)");
    }
    return probe(db, dimensions);
  }

  /** Asks for the search indexes; an error means there are no search nodes. */
  static Detection probe(MongoDatabase db, int dimensions) {
    try {
      // $listSearchIndexes is cheap and answers with an error on servers without search
      db.getCollection(MemoryKind.RUNBOOK.collection())
          .listSearchIndexes()
          .maxTime(10, TimeUnit.SECONDS)
          .first();
    } catch (MongoException | IllegalStateException e) {
      return new Detection(false, "search indexes are not supported here (" + firstLine(e) + ")");
    }
    try {
      AtlasIndex.ensureIndexes(db, dimensions);
      return new Detection(true, "search indexes are supported");
    } catch (MongoException e) {
      return new Detection(
          false,
          "search indexes are listed but could not be created ("
              + firstLine(e)
              + "); grant the bot's database user the createSearchIndexes action or create "
              + AtlasDefinitions.VECTOR_INDEX
              + " and "
              + AtlasDefinitions.TEXT_INDEX
              + " yourself");
    }
  }

  /** The server's version from {@code buildInfo}, or null when it will not say. */
  static String serverVersion(MongoDatabase db) {
    try {
      return db.runCommand(new Document("buildInfo", 1)).getString("version");
    } catch (MongoException | ClassCastException e) {
      return null;
    }
  }

  static int majorVersion(String version) {
    int dot = version.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
    } catch (NumberFormatException e) {
      // an unknown format: let the probe decide
      return MIN_MAJOR_VERSION;
    }
  }

  // search index commands on a missing collection fail even on Atlas
  private static void createCollections(MongoDatabase db) {
    Set<String> existing = db.listCollectionNames().into(new HashSet<>());
    for (MemoryKind kind : MemoryKind.values()) {
      if (!existing.contains(kind.collection())) {
        db.createCollection(kind.collection());
      }
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
