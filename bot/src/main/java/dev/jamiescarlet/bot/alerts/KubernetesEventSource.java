package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.bot.config.EventAlertsConfig;
import dev.jamiescarlet.tools.kubernetes.ClusterInfo;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes warning events as alerts: an informer per cluster (or per watched namespace) whose
 * matching warnings are stored like a webhook delivery, so a crash loses nothing; a warning quiet
 * for {@link EventAlertsConfig#quiet()} is resolved.
 */
public final class KubernetesEventSource implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KubernetesEventSource.class);

  /** A repeated warning is stored at most this often: its count only changes the message. */
  static final Duration REPEAT = Duration.ofSeconds(60);

  private final EventAlertsConfig config;
  private final ClusterRegistry clusters;
  private final AlertEvents events;
  private final AlertGroups groups;
  private final Consumer<ObjectId> processor;
  private final Clock clock;
  private final Map<String, Instant> stored = new ConcurrentHashMap<>();
  private final List<SharedIndexInformer<Event>> informers = new ArrayList<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("event-alerts-sweep").unstarted(r));

  /** Stores matching warnings in {@code events} and hands them to {@code processor}. */
  public KubernetesEventSource(
      EventAlertsConfig config,
      ClusterRegistry clusters,
      AlertEvents events,
      AlertGroups groups,
      Consumer<ObjectId> processor,
      Clock clock) {
    this.config = config;
    this.clusters = clusters;
    this.events = events;
    this.groups = groups;
    this.processor = processor;
    this.clock = clock;
  }

  /** Starts an informer per cluster; a cluster that cannot be watched is logged and skipped. */
  public KubernetesEventSource start() {
    for (ClusterInfo cluster : clusters.clusters()) {
      try {
        watch(cluster.name(), clusters.client(cluster.name()));
      } catch (KubernetesClientException | IllegalStateException e) {
        log.warn(
            "event alerts: cannot watch events on cluster {} ({}); give the bot's service"
                + " account list/watch on events, or narrow JAMIE_EVENT_NAMESPACES",
            cluster.name(),
            e.getMessage());
      }
    }
    long every = Math.max(1, Math.min(60, config.quiet().toSeconds() / 4));
    sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.SECONDS);
    log.info(
        "event alerts: watching warning events on {} cluster(s), namespaces {}, reasons {}",
        clusters.clusters().size(),
        config.namespaces().isEmpty() ? "all" : config.namespaces(),
        config.reasons());
    return this;
  }

  private void watch(String cluster, KubernetesClient client) {
    ResourceEventHandler<Event> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Event e) {
            seen(cluster, e);
          }

          @Override
          public void onUpdate(Event before, Event after) {
            seen(cluster, after);
          }

          @Override
          public void onDelete(Event e, boolean unknownFinalState) {
            // Kubernetes deletes events after an hour; the quiet sweep resolves them
          }
        };
    if (config.namespaces().isEmpty()) {
      informers.add(client.v1().events().inAnyNamespace().inform(handler, 0));
    } else {
      for (String ns : config.namespaces()) {
        informers.add(client.v1().events().inNamespace(ns).inform(handler, 0));
      }
    }
  }

  /**
   * One event seen on {@code cluster}: stored when it is a matching, recent, not-too-soon warning.
   */
  void seen(String cluster, Event e) {
    ObjectReference o = e.getInvolvedObject();
    String namespace =
        o != null && o.getNamespace() != null ? o.getNamespace() : e.getMetadata().getNamespace();
    if (!"Warning".equals(e.getType())
        || o == null
        || o.getKind() == null
        || o.getName() == null
        || namespace == null
        || e.getReason() == null
        || !config.accepts(namespace, e.getReason())) {
      return;
    }
    Instant now = clock.instant();
    Instant last = lastOccurrence(e);
    if (last != null && last.isBefore(now.minus(config.quiet()))) {
      return;
    }
    String fingerprint =
        KubernetesEventPayload.fingerprint(
            cluster, namespace, o.getKind(), o.getName(), e.getReason());
    Instant before = stored.get(fingerprint);
    if (before != null && before.plus(REPEAT).isAfter(now)) {
      return;
    }
    Instant started = firstOccurrence(e);
    if (before == null && resolvedBefore(cluster, namespace, e.getReason(), fingerprint)) {
      // the same Event object firing again after a quiet spell: a new start, not a late retry
      started = last != null ? last : now;
    }
    stored.put(fingerprint, now);
    store(
        new KubernetesEventPayload.Warning(
            cluster,
            namespace,
            o.getKind(),
            o.getName(),
            e.getReason(),
            e.getMessage(),
            e.getCount() == null ? 1 : e.getCount(),
            started,
            true,
            null));
  }

  private boolean resolvedBefore(String cluster, String ns, String reason, String fingerprint) {
    AlertGroup g =
        groups.find(
            AlertSource.KUBERNETES.id()
                + ":"
                + KubernetesEventPayload.groupKey(cluster, ns, reason));
    return g != null
        && g.alerts().stream().anyMatch(a -> a.fingerprint().equals(fingerprint) && !a.firing());
  }

  /** Resolves every firing warning that has been quiet for the configured time. */
  void sweep() {
    Instant cutoff = clock.instant().minus(config.quiet());
    for (AlertGroup g : groups.firing(AlertSource.KUBERNETES)) {
      for (GroupAlert a : g.alerts()) {
        if (a.firing() && a.lastSeen() != null && a.lastSeen().isBefore(cutoff)) {
          stored.remove(a.fingerprint());
          store(resolved(a.alert()));
        }
      }
    }
  }

  private KubernetesEventPayload.Warning resolved(Alert a) {
    String object = a.labels().getOrDefault("object", "Unknown/unknown");
    int slash = object.indexOf('/');
    return new KubernetesEventPayload.Warning(
        a.labels().get("cluster"),
        a.labels().get("namespace"),
        object.substring(0, Math.max(0, slash)),
        object.substring(slash + 1),
        a.labels().get("alertname"),
        a.annotations().get("summary"),
        1,
        a.startsAt(),
        false,
        clock.instant());
  }

  private void store(KubernetesEventPayload.Warning warning) {
    processor.accept(events.store(AlertSource.KUBERNETES, warning.body()));
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("event alerts: the quiet sweep failed ({}); it runs again shortly", e.getMessage());
    }
  }

  private static Instant lastOccurrence(Event e) {
    if (e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
      return time(e.getSeries().getLastObservedTime().getTime());
    }
    if (e.getLastTimestamp() != null) {
      return time(e.getLastTimestamp());
    }
    return e.getEventTime() == null ? null : time(e.getEventTime().getTime());
  }

  private static Instant firstOccurrence(Event e) {
    if (e.getFirstTimestamp() != null) {
      return time(e.getFirstTimestamp());
    }
    return e.getEventTime() == null ? null : time(e.getEventTime().getTime());
  }

  private static Instant time(String rfc3339) {
    try {
      return rfc3339 == null ? null : OffsetDateTime.parse(rfc3339).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    informers.forEach(SharedIndexInformer::close);
  }
}
