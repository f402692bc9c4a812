package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamiescarlet.bot.message.Block;
import dev.jamiescarlet.bot.message.Message;
import dev.jamiescarlet.bot.render.BlockKitRenderer;
import dev.jamiescarlet.bot.render.Golden;
import dev.jamiescarlet.bot.render.RenderedMessage;
import dev.jamiescarlet.bot.render.SlackLimits;
import dev.jamiescarlet.bot.sandbox.DemoAlert;
import dev.jamiescarlet.embeddings.memory.Hit;
import dev.jamiescarlet.embeddings.memory.Memory;
import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.Scope;
import dev.jamiescarlet.tools.diagnosis.Finding;
import dev.jamiescarlet.tools.diagnosis.ObjectRef;
import dev.jamiescarlet.tools.diagnosis.Severity;
import dev.jamiescarlet.tools.kubernetes.EventSummary;
import dev.jamiescarlet.tools.kubernetes.LogResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the Block Kit of the enrichment message: everything found, and every part missing. */
class EnrichmentMessagesGoldenTest {
  private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");

  private final BlockKitRenderer renderer = new BlockKitRenderer();

  private static EnrichmentTarget target() {
    Alert alert =
        Payloads.parse(
                AlertSource.ALERTMANAGER,
                DemoAlert.payload(DemoAlert.POD, DemoAlert.EXPR, AT, null))
            .alerts()
            .getFirst();
    return EnrichmentTarget.of(alert);
  }

  private String render(Message m) {
    RenderedMessage rendered = renderer.render(m);
    SlackLimits.assertWithin(rendered);
    return renderer.toJson(rendered);
  }

  @Test
  void everythingFound() {
    EnrichmentTarget t = target();
    EnrichmentGatherer.Gathered g =
        new EnrichmentGatherer.Gathered(
            t,
            "demo",
            null,
            new LogResult(
                DemoAlert.POD,
                "checkout",
                true,
                List.of(
                    "HikariPool-1 - Exception during pool initialization.",
                    "Caused by: java.net.ConnectException: Connection refused"),
                List.of()),
            null,
            List.of(
                new EventSummary(
                    "Warning",
                    "BackOff",
                    "pod/" + DemoAlert.POD,
                    "shop",
                    "Back-off restarting failed container checkout",
                    31,
                    Duration.ofMinutes(1))),
            null,
            List.of(
                new Finding(
                    Severity.CRITICAL,
                    new ObjectRef("Deployment", "checkout", "shop"),
                    "checkout is crash-looping",
                    List.of("last exit code 1"),
                    "It cannot reach orders-db.",
                    "Check orders-db.",
                    List.of())),
            null,
            new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            null,
            List.of(
                new Hit(
                    new Memory(
                        "k3x9q2m",
                        MemoryKind.RUNBOOK,
                        "Read the previous logs.",
                        "CrashLoopBackOff › Diagnose",
                        "crashloopbackoff.md",
                        Scope.global(),
                        null,
                        null,
                        AT,
                        null),
                    1,
                    1,
                    1)),
            null);

    Message m = EnrichmentMessages.message(g);

    assertThat(m.text()).isEqualTo("Context for shop/pod/" + DemoAlert.POD);
    assertThat(m.blocks()).filteredOn(b -> b instanceof Block.Image).hasSize(1);
    Golden.assertMatches("alert-enrichment", render(m));
  }

  @Test
  void eachMissingPartIsOneLine() {
    EnrichmentGatherer.Gathered g =
        new EnrichmentGatherer.Gathered(
            target(),
            null,
            null,
            null,
            "logs unavailable: pod `x` not found in namespace `shop`",
            List.of(),
            "events unavailable: cluster `demo` is unreachable",
            List.of(),
            "diagnosis unavailable: cluster `demo` is unreachable",
            null,
            "chart skipped: Prometheus is not configured (set JAMIE_PROMETHEUS_URL)",
            List.of(),
            "runbooks unavailable: memory is off (JAMIE_MEMORY=false)");

    Message m = EnrichmentMessages.message(g);

    assertThat(m.blocks()).noneMatch(b -> b instanceof Block.Image);
    Golden.assertMatches("alert-enrichment-unavailable", render(m));
  }
}
