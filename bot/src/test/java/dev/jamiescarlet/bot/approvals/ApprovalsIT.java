package dev.jamiescarlet.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.store.Mongo;
import dev.jamiescarlet.bot.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalsIT {
  private static final Duration TTL = Duration.ofMinutes(15);

  @TempDir Path dir;
  private Mongo mongo;
  private final TestClock clock = new TestClock();
  private Approvals approvals;

  @BeforeEach
  void open() {
    mongo = Mongo.embedded(dir);
    approvals = new Approvals(mongo.database(), clock);
  }

  @AfterEach
  void close() {
    mongo.close();
  }

  private String restart(boolean production) {
    return approvals.create(
        "U0ADA", "restart deploy/checkout", "demo", "shop", "restart", production, TTL);
  }

  @Test
  void aClickClaimsItOnceAndASecondClickIsToldWhoWon() {
    String id = restart(false);
    assertThat(approvals.find(id).state()).isEqualTo(ApprovalState.PENDING);

    Outcome first = approvals.claim(id, "U0ADA");
    Outcome second = approvals.claim(id, "U0CAT");

    assertThat(first.ok()).isTrue();
    assertThat(first.approval().state()).isEqualTo(ApprovalState.EXECUTING);
    assertThat(first.approval().claimedBy()).isEqualTo("U0ADA");
    assertThat(second.ok()).isFalse();
    assertThat(second.message()).isEqualTo("<@U0ADA> already clicked this one; it runs once.");
  }

  @Test
  void aDoubleClickExecutesOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 25; round++) {
        // given one approval and two clicks released together
        String id = restart(false);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome>> clicks = new ArrayList<>();
        for (String who : List.of("U0ADA", "U0CAT")) {
          clicks.add(
              pool.submit(
                  () -> {
                    go.await();
                    return approvals.claim(id, who);
                  }));
        }
        go.countDown();

        // then exactly one wins
        int winners = 0;
        for (Future<Outcome> f : clicks) {
          winners += f.get().ok() ? 1 : 0;
        }
        assertThat(winners).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExpiredApprovalIsRefusedWithHowLongAgo() {
    String id = restart(false);
    clock.advance(TTL.plusMinutes(3));

    Outcome late = approvals.claim(id, "U0ADA");

    assertThat(late.ok()).isFalse();
    assertThat(late.message()).isEqualTo("This approval expired 3 minutes ago; request it again.");
    assertThat(approvals.find(id).state()).isEqualTo(ApprovalState.EXPIRED);
    assertThat(approvals.claim(id, "U0ADA").message()).contains("expired 3 minutes ago");
  }

  @Test
  void productionNeedsASecondApproverWhoIsNotTheRequester() {
    String id = restart(true);

    // the requester cannot run it yet, nor approve it
    assertThat(approvals.claim(id, "U0ADA").message())
        .contains("someone other than <@U0ADA> must approve it");
    Outcome self = approvals.approve(id, "U0ADA");
    assertThat(self.ok()).isFalse();
    assertThat(self.message()).contains("must not be the requester");

    // someone else approves, once
    Outcome cat = approvals.approve(id, "U0CAT");
    assertThat(cat.ok()).isTrue();
    assertThat(cat.approval().approver()).isEqualTo("U0CAT");
    assertThat(approvals.approve(id, "U0BOB").message()).contains("<@U0CAT> has already approved");

    // then it can run
    assertThat(approvals.claim(id, "U0ADA").ok()).isTrue();
  }

  @Test
  void unknownIdsAndExpiredApprovals() {
    assertThat(approvals.claim("nope", "U0ADA").message()).contains("no approval `nope`");
    assertThat(approvals.find("nope")).isNull();

    String id = restart(true);
    clock.advance(TTL.plusSeconds(30));
    assertThat(approvals.approve(id, "U0CAT").message()).contains("expired 30 seconds ago");
  }

  @Test
  void overdueApprovalsAreExpiredAndPurged() {
    String old = restart(false);
    clock.advance(Duration.ofMinutes(10));
    String fresh = restart(false);
    clock.advance(Duration.ofMinutes(6));

    List<Approval> expired = approvals.expireOverdue();

    assertThat(expired).extracting(Approval::id).containsExactly(old);
    assertThat(approvals.find(fresh).state()).isEqualTo(ApprovalState.PENDING);
    assertThat(approvals.expireOverdue()).isEmpty();

    clock.advance(Duration.ofHours(2));
    assertThat(approvals.purge(Duration.ofHours(1))).isEqualTo(2);
    assertThat(approvals.find(old)).isNull();
  }
}
