package dev.jamiescarlet.tools.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The PNG shown instead of a chart when a query returned nothing to draw. */
final class NoDataImage {
  static final String MESSAGE = "No data: the query returned no samples in this time range";

  private NoDataImage() {}

  static byte[] png(int width, int height, String title) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      centred(g, title, width, height / 6);
      g.setColor(Color.GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
      centred(g, MESSAGE, width, height / 2);
      g.setColor(Color.LIGHT_GRAY);
      g.drawRect(width / 10, height / 4, width * 8 / 10, height / 2);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode the no-data image as PNG", e);
    }
    return out.toByteArray();
  }

  private static void centred(Graphics2D g, String text, int width, int y) {
    FontMetrics metrics = g.getFontMetrics();
    int x = Math.max(4, (width - metrics.stringWidth(text)) / 2);
    g.drawString(text, x, y);
  }
}
