package dev.jamiescarlet.tools.grafana;

/**
 * One panel of a dashboard.
 *
 * @param id the panel id (unique within its dashboard)
 * @param title its title
 * @param type the visualisation, e.g. {@code timeseries}
 * @param link a link that opens the dashboard with this panel in view
 */
public record Panel(int id, String title, String type, String link) {}
