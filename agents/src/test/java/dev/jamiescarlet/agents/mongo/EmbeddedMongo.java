package dev.jamiescarlet.agents.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** mongo-java-server on an H2 file, reached through the real driver, as the bot runs it. */
public final class EmbeddedMongo implements AutoCloseable {
  private final H2Backend backend;
  private final MongoServer server;
  private final MongoClient client;

  private EmbeddedMongo(Path file) {
    backend = new H2Backend(file.toString());
    server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    // no ServerApi: mongo-java-server does not speak `hello`
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(
                    new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build());
  }

  /** A server storing its data in {@code file}; a second one on the same file sees it. */
  public static EmbeddedMongo on(Path file) {
    return new EmbeddedMongo(file);
  }

  public MongoDatabase db() {
    return client.getDatabase("jamie");
  }

  @Override
  public void close() {
    client.close();
    backend.commit();
    server.shutdownNow();
  }
}
