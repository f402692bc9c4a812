package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  @Test
  void eachCallerReturnsOnlyAfterACommitThatBeganAfterIt() throws Exception {
    // given a commit that records how many calls had started when it began
    AtomicInteger started = new AtomicInteger();
    List<Integer> coveredAtCommit = new ArrayList<>();
    GroupCommit commit =
        new GroupCommit(
            () -> {
              synchronized (coveredAtCommit) {
                coveredAtCommit.add(started.get());
              }
            });

    // when 40 threads write and wait
    int callers = 40;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Integer> seenAfter = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      go.await();
                      int me = started.incrementAndGet();
                      commit.await();
                      synchronized (coveredAtCommit) {
                        // some commit that began once this caller had started has finished
                        int best = coveredAtCommit.stream().mapToInt(x -> x).max().orElse(0);
                        seenAfter.add(best >= me ? 1 : 0);
                      }
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }

    // then every caller was covered, with no more commits than callers
    assertThat(seenAfter).hasSize(callers).containsOnly(1);
    assertThat(coveredAtCommit).hasSizeBetween(1, callers);
  }

  @Test
  void aFailedCommitIsThrownAndTheNextCallerCommitsAgain() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    GroupCommit commit =
        new GroupCommit(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
              }
            });

    assertThatThrownBy(commit::await).hasMessage("disk full");
    commit.await();

    assertThat(calls).hasValue(2);
  }
}
