package dev.jamiescarlet.bot.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.jamiescarlet.bot.http.StartupException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB connection: any MongoDB at {@code MONGODB_URI}, or an embedded mongo-java-server on
 * an H2 file, always reached through the real MongoDB driver.
 */
public final class Mongo implements AutoCloseable {
  /** The embedded store's file name inside the data directory. */
  public static final String FILE_NAME = "jamie.mv";

  /** How long a start waits for MongoDB before it gives up with the fix. */
  public static final Duration SERVER_SELECTION_TIMEOUT = Duration.ofSeconds(5);

  /**
   * The longest one read from MongoDB, or one wait for a pooled connection, may take: a MongoDB
   * that hangs mid-request fails the operation (a {@code MongoSocketReadTimeoutException}) instead
   * of holding a hook, approval or command thread. Our reads and writes are single documents or
   * small pages that answer in milliseconds, so 10 s is generous, yet a hook still answers 503 well
   * within a sender's patience.
   */
  public static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(Mongo.class);
  private static final String DEFAULT_DATABASE = "jamie";
  private static final long COMMIT_EVERY_MILLIS = 5_000;

  private final MongoClient client;
  private final MongoDatabase database;
  private final String description;
  private final String address;
  private final MongoServer server;
  private final H2Backend backend;
  private final ScheduledExecutorService committer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Mongo(
      MongoClient client,
      String databaseName,
      String address,
      String description,
      MongoServer server,
      H2Backend backend) {
    this.client = client;
    this.database = client.getDatabase(databaseName);
    this.description = description;
    this.address = address;
    this.server = server;
    this.backend = backend;
    if (backend != null) {
      committer =
          Executors.newSingleThreadScheduledExecutor(
              r -> Thread.ofPlatform().daemon().name("mongo-commit").unstarted(r));
      committer.scheduleWithFixedDelay(
          this::commitQuietly, COMMIT_EVERY_MILLIS, COMMIT_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      committer = null;
    }
  }

  /** {@code MONGODB_URI} when given, else the embedded store under {@code dataDir}. */
  public static Mongo open(String uri, Path dataDir) {
    return uri != null ? connect(uri, SERVER_SELECTION_TIMEOUT) : embedded(dataDir);
  }

  /** Connects to a MongoDB and pings it; an unreachable one fails with the fix. */
  public static Mongo connect(String uri, Duration serverSelectionTimeout) {
    ConnectionString cs;
    try {
      cs = new ConnectionString(uri);
    } catch (IllegalArgumentException e) {
      throw new StartupException(
          "MONGODB_URI is not a valid connection string ("
              + e.getMessage()
              + "); use e.g. mongodb://user:pass@mongo:27017/jamie",
          e);
    }
    MongoClient client = MongoClients.create(settings(cs, serverSelectionTimeout));
    String named = cs.getDatabase();
    String db = named != null ? named : DEFAULT_DATABASE;
    String hosts = String.join(",", cs.getHosts());
    try {
      client.getDatabase(db).runCommand(new Document("ping", 1));
    } catch (MongoException e) {
      client.close();
      throw new StartupException(
          "MONGODB_URI: cannot reach MongoDB at "
              + hosts
              + " within "
              + serverSelectionTimeout.toSeconds()
              + " s ("
              + firstLine(e.getMessage())
              + "). Check the host, port, credentials and network policy, or unset MONGODB_URI"
              + " to use the embedded store under JAMIE_DATA_DIR",
          e);
    }
    log.info("store: MongoDB at {} (database {})", hosts, db);
    return new Mongo(client, db, hosts, "MongoDB at " + hosts, null, null);
  }

  /** Starts mongo-java-server on an H2 file in {@code dataDir}, on a loopback port. */
  public static Mongo embedded(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new StartupException(
          "JAMIE_DATA_DIR: cannot create "
              + dataDir.toAbsolutePath()
              + " ("
              + e.getMessage()
              + "); point JAMIE_DATA_DIR at a writable directory or set MONGODB_URI",
          e);
    }
    H2Backend backend;
    try {
      backend = new H2Backend(file.toString());
    } catch (RuntimeException e) {
      throw new StartupException(
          "JAMIE_DATA_DIR: cannot open the embedded store "
              + file
              + " ("
              + firstLine(e.getMessage())
              + "); is another Jamie using it? Stop it, or give this one its own JAMIE_DATA_DIR",
          e);
    }
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address;
    try {
      server.bind("127.0.0.1", 0);
      address = server.getLocalAddress();
    } catch (RuntimeException e) {
      server.shutdownNow();
      throw new StartupException("could not start the embedded MongoDB: " + e.getMessage(), e);
    }
    String uri = "mongodb://127.0.0.1:" + address.getPort();
    MongoClient client =
        MongoClients.create(settings(new ConnectionString(uri), SERVER_SELECTION_TIMEOUT));
    log.info("store: embedded MongoDB (H2 file {}) on {}", file, uri);
    return new Mongo(
        client,
        DEFAULT_DATABASE,
        "127.0.0.1:" + address.getPort(),
        "embedded store " + file,
        server,
        backend);
  }

  // no ServerApi: mongo-java-server does not speak `hello`
  // a socket read timeout rather than the driver's client-side operation timeout (timeoutMS): that
  // API is @Alpha, and its default cursor-lifetime mode would cut a long, legitimately slow
  // iteration, while a read timeout bounds each round trip, which is what a hung server breaks
  static MongoClientSettings settings(ConnectionString cs, Duration timeout) {
    long operation = OPERATION_TIMEOUT.toMillis();
    return MongoClientSettings.builder()
        .applyConnectionString(cs)
        .applyToClusterSettings(
            b -> b.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
        .applyToSocketSettings(
            b ->
                b.connectTimeout((int) Math.min(timeout.toMillis(), 10_000), TimeUnit.MILLISECONDS)
                    .readTimeout(operation, TimeUnit.MILLISECONDS))
        // a pool exhausted by hung operations must not queue callers for the default 2 minutes
        .applyToConnectionPoolSettings(b -> b.maxWaitTime(operation, TimeUnit.MILLISECONDS))
        .build();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The database (named by the URI's path, else {@code jamie}). */
  public MongoDatabase database() {
    return database;
  }

  /** A collection of the database. */
  public MongoCollection<Document> collection(String name) {
    return database.getCollection(name);
  }

  /** Whether this is the embedded store. */
  public boolean embedded() {
    return backend != null;
  }

  /** {@code host:port} of the server(s); for the embedded store, its loopback port. */
  public String address() {
    return address;
  }

  /** Where the data lives, for logs and the start banner. */
  public String description() {
    return description;
  }

  /** Writes the embedded store to disk now; a no-op for a real MongoDB. */
  public void commit() {
    if (backend != null) {
      synchronized (backend) {
        if (!backend.getMvStore().isClosed()) {
          backend.commit();
        }
      }
    }
  }

  private void commitQuietly() {
    try {
      commit();
    } catch (RuntimeException e) {
      log.warn("committing the embedded store failed: {}", e.getMessage());
    }
  }

  /** Closes once; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (committer != null) {
      committer.shutdownNow();
    }
    client.close();
    if (server != null) {
      commit();
      // shutdownNow closes the H2 backend, which writes what is left
      server.shutdownNow();
    }
  }
}
