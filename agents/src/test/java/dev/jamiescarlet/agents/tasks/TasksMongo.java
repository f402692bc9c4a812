package dev.jamiescarlet.agents.tasks;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.concurrent.TimeUnit;

/**
 * mongo-java-server in memory on a loopback port, reached through the real driver as the bot
 * reaches MongoDB.
 */
final class TasksMongo implements AutoCloseable {
  private final MongoServer server;
  private final MongoClient client;

  TasksMongo() {
    server = new MongoServer(new MemoryBackend());
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
