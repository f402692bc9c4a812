package dev.jamiescarlet.agents.tools;

import java.util.ArrayList;
import java.util.List;

/** The thread-safe sink of one agent request's proposals, read after the agent has answered. */
public final class Proposals {
  private final List<Proposal> all = new ArrayList<>();

  /** Adds one. */
  public synchronized void add(Proposal proposal) {
    all.add(proposal);
  }

  /** Every proposal, in order. */
  public synchronized List<Proposal> all() {
    return List.copyOf(all);
  }
}
