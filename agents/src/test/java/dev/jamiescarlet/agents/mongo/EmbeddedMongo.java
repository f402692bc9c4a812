package dev.jamiescarlet.agents.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * mongo-java-server on a loopback port (in memory, or on an H2 file as the bot runs it), reached
 * through the real driver.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private final MongoBackend backend;
  private final MongoServer server;
  private final MongoClient client;

  private EmbeddedMongo(MongoBackend backend) {
    this.backend = backend;
    server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    // no ServerApi: mongo-java-server does not speak `hello`
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(
                    new ConnectionString(
                        "mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
  }

  /** A server storing its data in {@code file}; a second one on the same file sees it. */
  public static EmbeddedMongo on(Path file) {
    return new EmbeddedMongo(new H2Backend(file.toString()));
  }

  /** A server keeping its data in memory, gone when it closes. */
  public static EmbeddedMongo inMemory() {
    return new EmbeddedMongo(new MemoryBackend());
  }

  public MongoDatabase db() {
    return client.getDatabase("jamie");
  }

  @Override
  public void close() {
    client.close();
    if (backend instanceof H2Backend h2) {
      h2.commit();
    }
    server.shutdownNow();
  }
}
