package dev.jamiescarlet.agents.tasks;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import org.bson.Document;

/**
 * Carries the trace a task was created in (W3C {@code traceparent}/{@code tracestate}) through its
 * MongoDB document, so the run — on any replica, after any restart — joins the Slack request's
 * trace instead of starting a new one.
 */
final class TaskTraces {
  /** The task document's field holding the trace context (empty when none was current). */
  static final String FIELD = "trace";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Document> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Document carrier) {
          return List.copyOf(carrier.keySet());
        }

        @Override
        public String get(Document carrier, String key) {
          return carrier == null ? null : carrier.getString(key);
        }
      };

  private TaskTraces() {}

  /** The current trace context as a document (empty when no span is current). */
  static Document current() {
    Document carrier = new Document();
    W3C.inject(Context.current(), carrier, Document::append);
    return carrier;
  }

  /** The context a task's run continues: its creator's trace, or the root when it had none. */
  static Context parent(Document task) {
    Object stored = task.get(FIELD);
    if (!(stored instanceof Document carrier) || carrier.isEmpty()) {
      return Context.root();
    }
    return W3C.extract(Context.root(), carrier, GETTER);
  }
}
