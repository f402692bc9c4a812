package dev.jamiescarlet.bot.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue between alert groups and Slack: at most one call per channel per interval, a group
 * queued twice is sent once with its latest state, a rate-limited channel waits before trying
 * again, and failures back off exponentially without a cap on attempts, so an outage delays alert
 * posts but never drops them.
 */
public final class SlackOutbox implements AutoCloseable {
  /** Slack allows about one message per second per channel. */
  public static final Duration PER_CHANNEL = Duration.ofSeconds(1);

  /**
   * How long a channel rests after Slack still said {@code ratelimited}: SlackReplier has already
   * waited out Retry-After three times by then.
   */
  public static final Duration RATE_LIMITED_PAUSE = Duration.ofSeconds(30);

  /** The first wait after a failure; each further failure doubles it. */
  public static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  /** The longest wait between attempts (and the wait after a permanent refusal). */
  public static final Duration MAX_RETRY = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(SlackOutbox.class);

  /**
   * How the outbox waits after failures.
   *
   * @param rateLimitedPause a channel's rest after {@code ratelimited}
   * @param firstRetry the first wait after a failure, doubled per further failure
   * @param maxRetry the longest wait, and the wait after a permanent refusal
   */
  public record Timing(Duration rateLimitedPause, Duration firstRetry, Duration maxRetry) {
    /** What production uses. */
    public static final Timing DEFAULT = new Timing(RATE_LIMITED_PAUSE, FIRST_RETRY, MAX_RETRY);
  }

  /** Makes one Slack call for a group (post, update, or its alerts reply). */
  @FunctionalInterface
  public interface Step {
    /** Says what it sent and whether the group needs more calls. */
    Sent run(String groupId);
  }

  /**
   * What one step sent.
   *
   * @param messages Slack messages written: 0 when nothing was due, 2 for a message with a file
   * @param more whether the group needs more calls
   */
  public record Sent(int messages, boolean more) {
    /** Nothing was due. */
    public static final Sent NOTHING = new Sent(0, false);

    /** One message written. */
    public static Sent one(boolean more) {
      return new Sent(1, more);
    }
  }

  /** A group to (re)send in a channel, as the sweep finds it. */
  public record Queued(String channel, String groupId) {}

  private final OutboxScheduler scheduler;
  private final Step step;
  private final Timing timing;
  private final DoubleSupplier jitter;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final Map<String, GroupRetry> retries = new HashMap<>();
  private final OutboxSweep sweep;
  private volatile MeterRegistry meters;

  /** One channel's queue, and the outage it is in (null when Slack answers). */
  private static final class Lane {
    final LinkedHashSet<String> pending = new LinkedHashSet<>();
    Instant nextAt = Instant.MIN;
    boolean scheduled;
    int failures;
    String failing;
    Instant failingSince;
  }

  /** A group whose own message was refused: it waits until {@code notBefore}. */
  private record GroupRetry(int failures, Instant notBefore, String state) {}

  /** Sends through {@code step} on {@code scheduler}. */
  public SlackOutbox(OutboxScheduler scheduler, Step step) {
    this(scheduler, step, Timing.DEFAULT, new SecureRandom()::nextDouble);
  }

  /** As above, waiting as {@code timing} says, with {@code jitter} in [0, 1) spreading retries. */
  SlackOutbox(OutboxScheduler scheduler, Step step, Timing timing, DoubleSupplier jitter) {
    this.scheduler = scheduler;
    this.step = step;
    this.timing = timing;
    this.jitter = jitter;
    this.sweep = new OutboxSweep(scheduler, this);
  }

  /** Queues the group; already queued, it is sent once (the step reads its latest state). */
  public synchronized void submit(String channel, String groupId) {
    Lane lane = lanes.computeIfAbsent(channel, c -> new Lane());
    lane.pending.add(groupId);
    wake(channel, lane);
  }

  /** Groups waiting in {@code channel}'s queue. */
  public synchronized int pending(String channel) {
    Lane lane = lanes.get(channel);
    return lane == null ? 0 : lane.pending.size();
  }

  /** Channels Slack is failing for now, with the failure (e.g. {@code TRANSIENT:io_error}). */
  public synchronized Map<String, String> failing() {
    Map<String, String> out = new HashMap<>();
    lanes.forEach(
        (channel, lane) -> {
          if (lane.failing != null) {
            out.put(channel, lane.failing);
          }
        });
    return out;
  }

  /**
   * Every {@code every}, queues what {@code behind} lists: groups whose Slack message is behind
   * their state, e.g. left unsent by a failure the outbox did not see (a crash, a lost submit).
   */
  public void sweepEvery(Duration every, Supplier<List<Queued>> behind) {
    sweep.start(every, behind);
  }

  /** Counts failures by kind and shows queued groups and failing channels as gauges. */
  public void measure(MeterRegistry registry) {
    this.meters = registry;
    Gauge.builder("jamie.alert.outbox.pending", this, SlackOutbox::pendingTotal)
        .description("Alert groups queued for Slack")
        .register(registry);
    Gauge.builder("jamie.alert.outbox.failing.channels", this, o -> o.failing().size())
        .description("Channels whose alert posts Slack is failing (see the log for the fix)")
        .register(registry);
  }

  private synchronized double pendingTotal() {
    return lanes.values().stream().mapToInt(l -> l.pending.size()).sum();
  }

  private void wake(String channel, Lane lane) {
    if (lane.scheduled || lane.pending.isEmpty()) {
      return;
    }
    lane.scheduled = true;
    Instant at = lane.nextAt;
    Instant ready = earliestReady(lane);
    if (ready.isAfter(at)) {
      at = ready;
    }
    Duration wait = Duration.between(scheduler.now(), at);
    scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait, () -> drain(channel));
  }

  // when the first queued group may go: groups whose own message was refused wait their turn
  private Instant earliestReady(Lane lane) {
    Instant best = null;
    for (String id : lane.pending) {
      GroupRetry r = retries.get(id);
      Instant at = r == null ? Instant.MIN : r.notBefore();
      if (best == null || at.isBefore(best)) {
        best = at;
      }
    }
    return best == null ? Instant.MIN : best;
  }

  private String next(Lane lane, Instant now) {
    for (String id : lane.pending) {
      GroupRetry r = retries.get(id);
      if (r == null || !now.isBefore(r.notBefore())) {
        lane.pending.remove(id);
        return id;
      }
    }
    return null;
  }

  private void drain(String channel) {
    String groupId;
    synchronized (this) {
      Lane lane = lanes.get(channel);
      lane.scheduled = false;
      Instant now = scheduler.now();
      groupId = now.isBefore(lane.nextAt) ? null : next(lane, now);
      if (groupId == null) {
        wake(channel, lane);
        return;
      }
    }
    // the rest is counted from the end of the call, so two calls are never under a second apart
    Duration rest;
    boolean again;
    boolean first = false;
    try {
      Sent sent = step.run(groupId);
      again = sent.more();
      // one interval per message written: none when nothing was due
      rest = PER_CHANNEL.multipliedBy(sent.messages());
      recovered(channel, groupId);
    } catch (RuntimeException e) {
      OutboxFailure f = OutboxFailure.of(e);
      count(f);
      again = true;
      rest = failed(channel, groupId, f);
      // the refused group goes first when the channel opens again, unless only it was refused
      first = f.kind() != OutboxFailure.Kind.MESSAGE;
    }
    synchronized (this) {
      Lane lane = lanes.get(channel);
      lane.nextAt = scheduler.now().plus(rest);
      if (again) {
        if (first) {
          List<String> waiting = new ArrayList<>(lane.pending);
          lane.pending.clear();
          lane.pending.add(groupId);
          lane.pending.addAll(waiting);
        } else {
          lane.pending.add(groupId);
        }
      }
      wake(channel, lane);
    }
  }

  private synchronized void recovered(String channel, String groupId) {
    GroupRetry r = retries.remove(groupId);
    if (r != null) {
      log.info("alert group {}: Slack took its message after {} failure(s)", groupId, r.failures());
    }
    Lane lane = lanes.get(channel);
    if (lane.failing != null) {
      log.info(
          "Slack answers again for channel {} after {} failed attempt(s) over {} s; sending {}"
              + " queued alert group(s), paced",
          channel,
          lane.failures,
          Duration.between(lane.failingSince, scheduler.now()).toSeconds(),
          lane.pending.size() + 1);
    }
    lane.failures = 0;
    lane.failing = null;
    lane.failingSince = null;
  }

  // returns the channel's rest; logs once per change of what it is waiting on
  private synchronized Duration failed(String channel, String groupId, OutboxFailure f) {
    Lane lane = lanes.get(channel);
    if (f.kind() == OutboxFailure.Kind.MESSAGE) {
      GroupRetry old = retries.get(groupId);
      int n = old == null ? 1 : old.failures() + 1;
      Duration wait = backoff(n);
      retries.put(groupId, new GroupRetry(n, scheduler.now().plus(wait), f.state()));
      if (old == null || !old.state().equals(f.state())) {
        log.warn(
            "alert group {}: Slack refused its message ({}); retrying it every {} s at most, other"
                + " groups go on — {}",
            groupId,
            f.detail(),
            timing.maxRetry().toSeconds(),
            f.fix());
      }
      return PER_CHANNEL;
    }
    lane.failures++;
    Duration rest =
        switch (f.kind()) {
          case RATE_LIMITED -> timing.rateLimitedPause();
          case PERMANENT -> jittered(timing.maxRetry());
          default -> backoff(lane.failures);
        };
    if (rest.compareTo(PER_CHANNEL) < 0) {
      rest = PER_CHANNEL;
    }
    if (!f.state().equals(lane.failing)) {
      if (lane.failing == null) {
        lane.failingSince = scheduler.now();
      }
      lane.failing = f.state();
      log.warn(
          "{} for alert group {} in channel {} ({}); {} — {}",
          headline(f),
          groupId,
          channel,
          f.detail(),
          f.kind() == OutboxFailure.Kind.TRANSIENT
              ? "retrying with backoff from "
                  + timing.firstRetry().toSeconds()
                  + " s up to every "
                  + timing.maxRetry().toSeconds()
                  + " s"
              : "retrying in " + rest.toSeconds() + " s",
          f.fix());
    } else {
      log.debug("channel {}: still {}; next try in {} ms", channel, f.state(), rest.toMillis());
    }
    return rest;
  }

  private static String headline(OutboxFailure f) {
    return switch (f.kind()) {
      case RATE_LIMITED -> "Slack rate limited";
      case PERMANENT -> "Slack refuses alert posts";
      default -> "Slack unreachable";
    };
  }

  /** {@code firstRetry × 2^(n-1)}, at most {@code maxRetry}, spread by ±20 % so retries part. */
  Duration backoff(int failures) {
    Duration d = timing.firstRetry();
    for (int i = 1; i < failures && d.compareTo(timing.maxRetry()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return jittered(d.compareTo(timing.maxRetry()) > 0 ? timing.maxRetry() : d);
  }

  private Duration jittered(Duration d) {
    double factor = 0.8 + 0.4 * jitter.getAsDouble();
    Duration out = Duration.ofMillis(Math.round(d.toMillis() * factor));
    return out.compareTo(timing.maxRetry()) > 0 ? timing.maxRetry() : out;
  }

  private void count(OutboxFailure f) {
    MeterRegistry m = meters;
    if (m != null) {
      Counter.builder("jamie.alert.outbox.failures")
          .description("Failed Slack calls for alert groups, by kind (each is retried)")
          .tag("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT))
          .register(m)
          .increment();
    }
  }

  @Override
  public void close() {
    sweep.close();
    scheduler.close();
  }
}
