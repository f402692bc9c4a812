package dev.jamiescarlet.embeddings;

/** Switches DJL's usage tracking off; must run before any DJL class loads. */
public final class DjlSetup {
  private DjlSetup() {}

  /**
   * Opts out of DJL's call home (it asks a cloud metadata address otherwise) and, unless {@code
   * allowDownloads}, puts DJL in offline mode so nothing is fetched at run time.
   */
  public static void quiet(boolean allowDownloads) {
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.offline", Boolean.toString(!allowDownloads));
  }
}
