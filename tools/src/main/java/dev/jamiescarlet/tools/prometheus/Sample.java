package dev.jamiescarlet.tools.prometheus;

import java.time.Instant;
import java.util.Map;

/** One value with its series' labels, as an instant vector element reads. */
public record Sample(Map<String, String> labels, Instant time, double value) {}
