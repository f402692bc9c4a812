package dev.jamiescarlet.tools.prometheus;

import java.time.Instant;

/** One timestamped value of a Prometheus series; NaN and infinities are kept as Java doubles. */
public record Point(Instant time, double value) {}
