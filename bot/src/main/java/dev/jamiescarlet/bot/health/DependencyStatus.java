package dev.jamiescarlet.bot.health;

import dev.jamiescarlet.tools.http.SafeUrls;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dependency's state at the last check.
 *
 * @param name e.g. {@code mongodb}, {@code cluster:prod-eu}
 * @param kind e.g. {@code kubernetes}
 * @param required whether readiness depends on it
 * @param state up, degraded, down or not configured
 * @param latencyMillis how long the probe took (the timeout when it hung)
 * @param detail a short reason naming the fix when it is not up; URLs in it lose their credentials
 */
public record DependencyStatus(
    String name,
    String kind,
    boolean required,
    DependencyState state,
    long latencyMillis,
    String detail) {

  /** Strips credentials from URLs in the name and detail, so no output can show them. */
  public DependencyStatus {
    name = SafeUrls.strip(name);
    detail = SafeUrls.strip(detail);
  }

  /** As the management port's /health shows it: name, kind, state, latencyMs, detail, required. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("kind", kind);
    json.put("state", state.label());
    json.put("latencyMs", latencyMillis);
    json.put("detail", detail == null ? "" : detail);
    json.put("required", required);
    return json;
  }
}
