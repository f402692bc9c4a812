package dev.jamiescarlet.agents.tools;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** mongo-java-server on an H2 file, reached through the real driver (copied from embeddings). */
final class EmbeddedMongo implements AutoCloseable {
  private final MongoServer server;
  private final MongoClient client;

  EmbeddedMongo(Path file) {
    server = new MongoServer(new H2Backend(file.toString()));
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

  MongoDatabase db() {
    return client.getDatabase("jamie");
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
