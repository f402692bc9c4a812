package dev.jamiescarlet.tools.kubernetes;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Reads core/v1 events and turns them into newest-first {@link EventSummary} rows. */
final class EventReader {
  private EventReader() {}

  /** Events in a namespace (all when null), newest first. */
  static List<EventSummary> list(ReadContext ctx, String namespace, boolean warningsOnly) {
    List<Event> events =
        namespace == null
            ? ctx.client().v1().events().inAnyNamespace().list().getItems()
            : ctx.client().v1().events().inNamespace(namespace).list().getItems();
    return summarize(
        events.stream().filter(e -> !warningsOnly || isWarning(e)).toList(), ctx.now());
  }

  /** Events about the named objects of one kind in a namespace, newest first. */
  static List<EventSummary> about(
      ReadContext ctx, String namespace, String kind, Collection<String> names) {
    if (names.isEmpty()) {
      return List.of();
    }
    // no involvedObject field selector: the fabric8 mock answers it with nothing, and events in
    // one namespace are few enough (they expire after an hour) to filter here
    List<Event> items =
        namespace == null
            ? ctx.client().v1().events().inAnyNamespace().list().getItems()
            : ctx.client().v1().events().inNamespace(namespace).list().getItems();
    return summarize(
        items.stream()
            .filter(e -> e.getInvolvedObject() != null)
            .filter(e -> kind.equals(e.getInvolvedObject().getKind()))
            .filter(e -> names.contains(e.getInvolvedObject().getName()))
            .toList(),
        ctx.now());
  }

  static boolean isWarning(Event event) {
    return "Warning".equals(event.getType());
  }

  /** Newest first: by lastTimestamp, else eventTime, else creationTimestamp. */
  static List<EventSummary> summarize(List<Event> events, Instant now) {
    return events.stream()
        .sorted(
            Comparator.comparing(
                EventReader::seen, Comparator.nullsLast(Comparator.reverseOrder())))
        .map(e -> toSummary(e, now))
        .toList();
  }

  static Instant seen(Event event) {
    Instant last = Times.parse(event.getLastTimestamp());
    if (last == null && event.getEventTime() != null) {
      last = Times.parse(event.getEventTime().getTime());
    }
    if (last == null && event.getMetadata() != null) {
      last = Times.parse(event.getMetadata().getCreationTimestamp());
    }
    return last;
  }

  static EventSummary toSummary(Event event, Instant now) {
    ObjectReference object = event.getInvolvedObject();
    String ref =
        object == null
            ? ""
            : PodSummaries.shortKind(Objects.toString(object.getKind(), "object"))
                + "/"
                + object.getName();
    Instant seen = seen(event);
    return new EventSummary(
        Objects.toString(event.getType(), "Normal"),
        Objects.toString(event.getReason(), ""),
        ref,
        event.getMetadata() == null ? null : event.getMetadata().getNamespace(),
        Objects.toString(event.getMessage(), "").trim(),
        event.getCount() == null ? 1 : event.getCount(),
        seen == null || seen.isAfter(now)
            ? java.time.Duration.ZERO
            : java.time.Duration.between(seen, now));
  }
}
