package dev.jamiescarlet.embeddings;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run in a fresh JVM by {@link DjlTelemetryTest}: every socket connect is recorded and refused,
 * then either Jamie's loading path or DJL with its defaults runs; prints what was attempted.
 */
public final class TelemetryProbe {
  private TelemetryProbe() {}

  // the JDK's only hook that sees connects made with Proxy.NO_PROXY, as DJL's call home is
  @SuppressWarnings("deprecation")
  public static void main(String[] args) throws Exception {
    List<String> attempts = new CopyOnWriteArrayList<>();
    Socket.setSocketImplFactory(() -> new RefusingSocketImpl(attempts));
    if ("jamie".equals(args[0])) {
      try (JamieEmbeddingModel model = Embeddings.load(null, false, Path.of(args[1]))) {
        model.embedTexts(List.of("is anyone listening?"));
      }
    } else {
      // DJL's own defaults: its engine calls home while it initialises
      Engine.getEngine("OnnxRuntime");
    }
    System.out.println("OPT_OUT_TRACKING=" + Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"));
    System.out.println("offline=" + Utils.isOfflineMode());
    System.out.println("DJL_CACHE_DIR=" + Utils.getCacheDir());
    attempts.forEach(a -> System.out.println("CONNECT " + a));
  }
}
