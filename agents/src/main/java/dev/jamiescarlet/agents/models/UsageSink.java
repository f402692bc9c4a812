package dev.jamiescarlet.agents.models;

/** Receives every successful model call of a {@link ModelChain}, e.g. for metrics or a cost log. */
@FunctionalInterface
public interface UsageSink {

  /** Records one call; must be quick and must not throw. */
  void record(ModelCall call);

  /** A sink that drops everything. */
  static UsageSink none() {
    return call -> {};
  }
}
