package dev.jamiescarlet.embeddings.runbooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads Markdown runbooks from a directory or from the class path (the shipped ones). */
public final class RunbookFiles {
  private RunbookFiles() {}

  /**
   * Every {@code .md} file under {@code dir} (sub-directories too) but READMEs, by path relative to
   * {@code dir} with forward slashes.
   */
  public static Map<String, String> read(Path dir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        String name = dir.relativize(p).toString().replace('\\', '/');
        Path fileName = p.getFileName();
        if (fileName != null && Files.isRegularFile(p) && isRunbook(fileName.toString())) {
          files.put(name, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read runbooks in " + dir + " (" + e.getMessage() + "); check JAMIE_RUNBOOKS_DIR",
          e);
    }
    return files;
  }

  /** The runbooks packaged under {@code root} on the class path (in a jar or a directory). */
  public static Map<String, String> readClassPath(String root) {
    URL url = RunbookFiles.class.getClassLoader().getResource(root);
    if (url == null) {
      return Map.of();
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return read(jar.getPath(root));
        }
      }
      return read(Path.of(uri));
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("Cannot read the shipped runbooks: " + e.getMessage(), e);
    }
  }

  private static boolean isRunbook(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md") && !lower.equals("readme.md");
  }
}
