package dev.jamiescarlet.tools.kubernetes;

/** A workload's or pod's health verdict, for status emoji and sorting (worst first). */
public enum Health {
  FAILING,
  PENDING,
  DEGRADED,
  HEALTHY,
  UNKNOWN
}
