package dev.jamiescarlet.bot.render;

import java.util.HashSet;
import java.util.Set;

/** Hands out file names derived from titles, unique within one message. */
final class FileNames {

  private final Set<String> used = new HashSet<>();

  /**
   * E.g. {@code "Pods · shop"} and {@code "txt"} give {@code pods-shop.txt}, then {@code
   * pods-shop-2.txt}.
   */
  String next(String title, String extension) {
    String base = Mrkdwn.slug(title);
    String name = base + "." + extension;
    for (int n = 2; !used.add(name); n++) {
      name = base + "-" + n + "." + extension;
    }
    return name;
  }
}
