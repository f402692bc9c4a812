package dev.jamiescarlet.embeddings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Switches DJL's usage tracking off and points its cache at a writable directory. */
public final class DjlSetup {
  private static final Logger log = LoggerFactory.getLogger(DjlSetup.class);

  private DjlSetup() {}

  /**
   * Opts out of DJL's call home (it asks the cloud metadata address 169.254.169.254 otherwise) and,
   * unless {@code allowDownloads}, puts DJL in offline mode so nothing is fetched at run time. DJL
   * reads these on every check, but its engine calls home while its class initialises, so this must
   * run before any DJL class loads.
   */
  public static void quiet(boolean allowDownloads) {
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.offline", Boolean.toString(!allowDownloads));
    // DJL lets the environment win over system properties; say so rather than call home silently
    if ("false".equalsIgnoreCase(System.getenv("OPT_OUT_TRACKING"))) {
      log.warn(
          "OPT_OUT_TRACKING=false in the environment turns DJL's usage tracking back on;"
              + " unset it to keep the bot from calling 169.254.169.254");
    }
  }

  /**
   * Makes DJL extract its native tokenizer library under {@code dir} instead of {@code ~/.djl.ai},
   * so a read-only root filesystem works; an operator's own {@code DJL_CACHE_DIR} wins.
   */
  public static void cacheDir(Path dir) {
    if (System.getenv("DJL_CACHE_DIR") != null || System.getProperty("DJL_CACHE_DIR") != null) {
      return;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new EmbeddingModelException(
          "Cannot create DJL's cache directory "
              + dir
              + ": "
              + e
              + ". Make JAMIE_DATA_DIR writable, or set DJL_CACHE_DIR to a writable directory.",
          e);
    }
    System.setProperty("DJL_CACHE_DIR", dir.toAbsolutePath().toString());
  }
}
