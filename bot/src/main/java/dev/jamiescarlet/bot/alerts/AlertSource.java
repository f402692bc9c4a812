package dev.jamiescarlet.bot.alerts;

import java.util.Locale;

/** Where alerts come from; each has its own webhook path and token override. */
public enum AlertSource {
  ALERTMANAGER("Alertmanager"),
  GRAFANA("Grafana"),
  ARGOCD("Argo CD"),
  /** Warning events read by Jamie's own informer: no webhook. */
  KUBERNETES("Kubernetes events", false);

  private final String displayName;
  private final boolean webhook;

  AlertSource(String displayName) {
    this(displayName, true);
  }

  AlertSource(String displayName, boolean webhook) {
    this.displayName = displayName;
    this.webhook = webhook;
  }

  /** Whether it arrives through a webhook ({@link #path()}); false for Jamie's own watchers. */
  public boolean webhook() {
    return webhook;
  }

  /** The lower-case id used in paths, group ids and the store ({@code alertmanager}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The webhook path, e.g. {@code /hooks/alertmanager}. */
  public String path() {
    return "/hooks/" + id();
  }

  /** The setting that overrides {@code JAMIE_HOOK_TOKEN} for this hook. */
  public String tokenSetting() {
    return "JAMIE_HOOK_TOKEN_" + name();
  }

  /** How people call it, e.g. {@code Argo CD}. */
  public String displayName() {
    return displayName;
  }

  /** The source with this {@link #id()}. */
  public static AlertSource of(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
