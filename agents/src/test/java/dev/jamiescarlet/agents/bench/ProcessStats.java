package dev.jamiescarlet.agents.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the process while a load runs: RSS from /proc/self/status every second and the heap used
 * right after a full GC every few seconds (the live set with every conversation open).
 */
final class ProcessStats implements AutoCloseable {
  private static final Path STATUS = Path.of("/proc/self/status");

  private final AtomicLong maxRss = new AtomicLong();
  private final AtomicLong maxLiveHeap = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private ProcessStats(long gcEveryMillis) {
    sampler =
        Thread.ofPlatform()
            .daemon()
            .name("bench-sampler")
            .start(
                () -> {
                  long nextGc = System.currentTimeMillis() + gcEveryMillis;
                  while (running) {
                    maxRss.accumulateAndGet(kib("VmRSS:") * 1024, Math::max);
                    if (System.currentTimeMillis() >= nextGc) {
                      maxLiveHeap.accumulateAndGet(liveHeap(), Math::max);
                      nextGc = System.currentTimeMillis() + gcEveryMillis;
                    }
                    sleep(1000);
                  }
                });
  }

  /** Starts sampling; a full GC every {@code gcEveryMillis} measures the live heap. */
  static ProcessStats start(long gcEveryMillis) {
    return new ProcessStats(gcEveryMillis);
  }

  /** The heap used right after a full GC. */
  static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The process's resident set now, in bytes. */
  static long rss() {
    return kib("VmRSS:") * 1024;
  }

  /** The highest RSS of the process's life (VmHWM), in bytes. */
  static long peakRss() {
    return kib("VmHWM:") * 1024;
  }

  long maxRss() {
    return Math.max(maxRss.get(), rss());
  }

  long maxLiveHeap() {
    return maxLiveHeap.get();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long kib(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: report 0 rather than fail the run
    }
    return 0;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
