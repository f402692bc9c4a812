package dev.jamiescarlet.tools.grafana;

import java.util.List;

/**
 * A dashboard as Grafana's search returns it.
 *
 * @param uid its stable id
 * @param title its title
 * @param url its path on the Grafana server, e.g. {@code /d/abc/checkout}
 * @param folder the folder's title, or null for General
 * @param tags its tags
 */
public record Dashboard(String uid, String title, String url, String folder, List<String> tags) {
  public Dashboard {
    tags = List.copyOf(tags);
  }
}
