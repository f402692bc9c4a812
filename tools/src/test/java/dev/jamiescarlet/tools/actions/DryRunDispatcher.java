package dev.jamiescarlet.tools.actions;

import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.util.Map;
import java.util.Queue;

/**
 * Emulates the API server's dry run, which the fabric8 mock ignores (it stores the change): a PATCH
 * or DELETE with {@code dryRun=All} is answered with the stored object and stores nothing, unless a
 * test set an expectation for that exact request.
 */
final class DryRunDispatcher extends Dispatcher {
  private final Dispatcher delegate;
  private final Map<ServerRequest, Queue<ServerResponse>> expectations;

  DryRunDispatcher(Dispatcher delegate, Map<ServerRequest, Queue<ServerResponse>> expectations) {
    this.delegate = delegate;
    this.expectations = expectations;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    HttpMethod method = request.method();
    boolean write = method == HttpMethod.PATCH || method == HttpMethod.DELETE;
    boolean dryRun =
        path.contains("dryRun=All")
            // fabric8 sends a delete's dry run in the DeleteOptions body
            || method == HttpMethod.DELETE
                && request.getBody() != null
                && request.getUtf8Body().replace(" ", "").contains("\"dryRun\":[\"All\"]");
    if (write && dryRun && !expectations.containsKey(new SimpleRequest(method, path))) {
      String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      return delegate.dispatch(
          new RecordedRequest(
              request.getHttpVersion(), HttpMethod.GET, plain, request.getHeaders(), new Buffer()));
    }
    return delegate.dispatch(request);
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }
}
