package dev.jamiescarlet.bot.alerts;

/** Picks the reader for a source's webhook body. */
public final class Payloads {
  private Payloads() {}

  /** Parses a body from {@code source}; a payload Jamie cannot use is a {@link HookException}. */
  public static AlertBatch parse(AlertSource source, byte[] body) {
    return switch (source) {
      case ALERTMANAGER -> AlertmanagerPayload.parse(body);
      case GRAFANA -> GrafanaPayload.parse(body);
      case ARGOCD -> ArgoCdPayload.parse(body);
      case KUBERNETES -> KubernetesEventPayload.parse(body);
    };
  }
}
