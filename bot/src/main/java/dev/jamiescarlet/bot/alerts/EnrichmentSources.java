package dev.jamiescarlet.bot.alerts;

import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.tools.diagnosis.Diagnoser;
import dev.jamiescarlet.tools.kubernetes.ClusterRegistry;
import dev.jamiescarlet.tools.kubernetes.KubernetesReads;
import dev.jamiescarlet.tools.prometheus.PrometheusClient;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Where alert enrichment reads from; every read is made as the bot's own identity, since an alert
 * has no asker.
 *
 * @param clusters the clusters, to tell a known {@code cluster} label from an unknown one
 * @param reads Kubernetes reads (logs, events, pods)
 * @param diagnoser the diagnosis findings
 * @param runbooks the memory store the runbooks are searched in; the supplier or its value null
 *     when memory is off
 * @param prometheus the Prometheus the alert's expression is charted from, or null when {@code
 *     JAMIE_PROMETHEUS_URL} is unset
 * @param clock the time the chart's hour ends at
 */
public record EnrichmentSources(
    ClusterRegistry clusters,
    KubernetesReads reads,
    Diagnoser diagnoser,
    Supplier<MemoryStore> runbooks,
    PrometheusClient prometheus,
    Clock clock) {}
