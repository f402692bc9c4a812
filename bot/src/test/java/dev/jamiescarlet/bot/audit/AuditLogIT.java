package dev.jamiescarlet.bot.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.jamiescarlet.bot.store.Mongo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogIT {
  @TempDir Path dir;

  private static AuditRecord at(Instant t, String user, Phase phase) {
    return new AuditRecord(
        t, "r1", user, "C0SHOP", "demo", "shop", "restart", "deploy/checkout", phase, "ok", null);
  }

  @Test
  void recordsAndQueriesNewestFirst() {
    Instant now = Instant.parse("2026-11-21T12:00:00Z");
    try (Mongo mongo = Mongo.embedded(dir)) {
      AuditLog audit = new AuditLog(mongo.database(), Clock.fixed(now, ZoneOffset.UTC));
      audit.record(at(now.minus(Duration.ofHours(3)), "U0ADA", Phase.REQUESTED));
      audit.record(at(now.minus(Duration.ofMinutes(30)), "U0ADA", Phase.REQUESTED));
      audit.record(at(now.minus(Duration.ofMinutes(20)), "U0BOB", Phase.DENIED));
      AuditRecord last =
          audit.record(
              "r1",
              "U0ADA",
              "C0SHOP",
              "demo",
              "shop",
              "restart",
              "deploy/checkout",
              Phase.EXECUTED,
              "rolled",
              "U0CAT");

      List<AuditRecord> lastHour = audit.query(Duration.ofHours(1), null, 10);
      assertThat(lastHour)
          .extracting(AuditRecord::phase)
          .containsExactly(Phase.EXECUTED, Phase.DENIED, Phase.REQUESTED);
      assertThat(lastHour.get(0)).isEqualTo(last);
      assertThat(lastHour.get(0).approver()).isEqualTo("U0CAT");

      assertThat(audit.query(Duration.ofDays(1), "U0ADA", 10)).hasSize(3);
      assertThat(audit.query(Duration.ofDays(1), null, 2)).hasSize(2);
      assertThat(audit.clock().instant()).isEqualTo(now);
    }
  }

  @Test
  void storesTheDetailRedacted() {
    // given an approval reason typed with a password in it
    Instant now = Instant.parse("2026-11-21T12:00:00Z");
    try (Mongo mongo = Mongo.embedded(dir)) {
      AuditLog audit = new AuditLog(mongo.database(), Clock.fixed(now, ZoneOffset.UTC));

      // when it is recorded, both ways
      AuditRecord returned =
          audit.record(
              "r2",
              "U0ADA",
              "C0SHOP",
              "demo",
              "shop",
              "restart",
              "deploy/checkout",
              Phase.APPROVED,
              "ok, the db password is hunter2 anyway",
              "U0CAT");
      audit.record(
          new AuditRecord(
              now,
              "r3",
              "U0ADA",
              "C0SHOP",
              "demo",
              "shop",
              "scale",
              "deploy/checkout",
              Phase.FAILED,
              "helm failed: DB_PASS=s3cr3t-pw rejected",
              null));

      // then the stored documents hold no secret, and what is returned is what was stored
      List<Document> stored =
          mongo.database().getCollection(AuditLog.COLLECTION).find().into(new ArrayList<>());
      assertThat(stored)
          .extracting(d -> d.getString("detail"))
          .containsExactly(
              "ok, the db password is [REDACTED:password] anyway",
              "helm failed: DB_PASS=[REDACTED:env] rejected");
      assertThat(returned.detail()).isEqualTo(stored.get(0).getString("detail"));
    }
  }

  @Test
  void failsClosedWhenTheStoreIsClosed() {
    Mongo mongo = Mongo.embedded(dir);
    AuditLog audit = new AuditLog(mongo.database(), Clock.systemUTC());
    audit.record(at(Instant.now(), "U0ADA", Phase.REQUESTED));
    mongo.close();

    assertThatThrownBy(() -> audit.record(at(Instant.now(), "U0ADA", Phase.EXECUTED)))
        .isInstanceOf(AuditUnavailableException.class)
        .hasMessageContaining("nothing that changes a cluster can run now");
    assertThatThrownBy(() -> audit.query(Duration.ofHours(1), null, 5))
        .isInstanceOf(AuditUnavailableException.class);
  }

  @Test
  void failsClosedWhenTheServerStops() {
    // given a server the driver is connected to
    MongoServer server = new MongoServer(new MemoryBackend());
    var address = server.bind();
    MongoClient client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(
                    new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToClusterSettings(b -> b.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout(300, TimeUnit.MILLISECONDS))
                .build());
    try {
      AuditLog audit = new AuditLog(client.getDatabase("jamie"), Clock.systemUTC());
      audit.record(at(Instant.now(), "U0ADA", Phase.REQUESTED));

      // when the server goes away
      server.shutdownNow();

      // then recording throws instead of letting the write run unaudited
      assertThatThrownBy(() -> audit.record(at(Instant.now(), "U0ADA", Phase.EXECUTED)))
          .isInstanceOf(AuditUnavailableException.class)
          .hasMessageContaining("The audit log is unavailable");
    } finally {
      client.close();
      server.shutdownNow();
    }
  }
}
