package dev.jamiescarlet.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamiescarlet.bot.http.StartupException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoIT {
  @TempDir Path dir;

  @Test
  void theEmbeddedStoreSurvivesARestart() {
    // given a record written to the embedded store
    try (Mongo mongo = Mongo.open(null, dir)) {
      assertThat(mongo.embedded()).isTrue();
      assertThat(mongo.description()).contains(Mongo.FILE_NAME);
      mongo.collection("things").insertOne(new Document("_id", "a").append("n", 1));
    }
    assertThat(Files.exists(dir.resolve(Mongo.FILE_NAME))).isTrue();

    // when it is reopened from the same directory
    try (Mongo again = Mongo.embedded(dir)) {
      // then the record is still there
      Document d = again.collection("things").find(new Document("_id", "a")).first();
      assertThat(d).isNotNull();
      assertThat(d.getInteger("n")).isEqualTo(1);
    }
  }

  @Test
  void anExplicitCommitKeepsDataEvenIfTheProcessDiesLater() {
    try (Mongo mongo = Mongo.embedded(dir)) {
      mongo.collection("things").insertOne(new Document("_id", "b"));
      mongo.commit();
      assertThat(Files.exists(dir.resolve(Mongo.FILE_NAME))).isTrue();
      mongo.close();
      mongo.commit(); // after close: nothing to do, no error
    }
  }

  @Test
  void aRealUriIsReachedThroughTheDriver() {
    // given an embedded server, addressed as if it were any MongoDB
    try (Mongo server = Mongo.embedded(dir)) {
      server.collection("x").insertOne(new Document("_id", 1));
      String uri = "mongodb://" + hostPort(server) + "/jamie";

      try (Mongo client = Mongo.open(uri, dir.resolve("unused"))) {
        assertThat(client.embedded()).isFalse();
        assertThat(client.collection("x").countDocuments()).isEqualTo(1);
        client.commit(); // no-op
      }
    }
  }

  @Test
  void anUnreachableUriFailsAtStartNamingTheSettingAndTheFix() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String uri = "mongodb://127.0.0.1:" + port + "/jamie";
    assertThatThrownBy(() -> Mongo.connect(uri, Duration.ofMillis(300)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("MONGODB_URI: cannot reach MongoDB at 127.0.0.1:" + port)
        .hasMessageContaining("or unset MONGODB_URI to use the embedded store");
  }

  @Test
  void anInvalidUriNamesTheSetting() {
    assertThatThrownBy(() -> Mongo.connect("mongodb://", Duration.ofMillis(300)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("MONGODB_URI is not a valid connection string");
  }

  @Test
  void anUnwritableDataDirNamesTheSetting() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(() -> Mongo.embedded(file.resolve("sub")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("JAMIE_DATA_DIR");
  }

  private static String hostPort(Mongo embedded) {
    return embedded.address();
  }
}
