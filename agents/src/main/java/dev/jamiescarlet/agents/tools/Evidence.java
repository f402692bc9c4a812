package dev.jamiescarlet.agents.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The thread-safe log of one agent request's tool calls, and of the Kubernetes names they showed.
 */
public final class Evidence {
  /** How much of each output an item keeps. */
  public static final int EXCERPT_CHARS = 300;

  private final List<EvidenceItem> items = new ArrayList<>();
  private final Set<String> names = new LinkedHashSet<>();

  /** An empty log. */
  public Evidence() {}

  /**
   * A log that continues an earlier one (an investigation's later step): ids go on from there, and
   * the earlier items are listed first.
   */
  public Evidence(List<EvidenceItem> earlier) {
    items.addAll(earlier);
  }

  /**
   * Records a call and returns its item with the next id.
   *
   * @param output the redacted output; only its first {@value #EXCERPT_CHARS} chars are kept
   * @param seen object names and namespaces in the arguments and the output
   */
  public synchronized EvidenceItem add(
      String tool, String arguments, String output, Collection<String> seen) {
    String excerpt =
        output.length() <= EXCERPT_CHARS ? output : output.substring(0, EXCERPT_CHARS - 1) + "…";
    EvidenceItem item = new EvidenceItem("E" + (items.size() + 1), tool, arguments, excerpt);
    items.add(item);
    for (String name : seen) {
      if (name != null && !name.isBlank()) {
        String n = name.trim();
        names.add(n);
        // deploy/checkout is also seen as checkout, so either form of a proposal matches
        int slash = n.indexOf('/');
        if (slash >= 0 && slash < n.length() - 1) {
          names.add(n.substring(slash + 1));
        }
      }
    }
    return item;
  }

  /** Every call so far, in order. */
  public synchronized List<EvidenceItem> items() {
    return List.copyOf(items);
  }

  /** Whether an item with this id exists. */
  public synchronized boolean has(String id) {
    return items.stream().anyMatch(i -> i.id().equals(id));
  }

  /**
   * Every Kubernetes object name and namespace seen in tool arguments and outputs (e.g. {@code
   * checkout}, {@code checkout-7d9f-x2}, {@code shop}), to check a proposal names only what was
   * looked at.
   */
  public synchronized Set<String> names() {
    return Set.copyOf(names);
  }
}
