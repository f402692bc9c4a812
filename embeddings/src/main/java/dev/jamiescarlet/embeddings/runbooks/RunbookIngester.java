package dev.jamiescarlet.embeddings.runbooks;

import dev.jamiescarlet.embeddings.memory.MemoryKind;
import dev.jamiescarlet.embeddings.memory.MemoryStore;
import dev.jamiescarlet.embeddings.memory.NewMemory;
import dev.jamiescarlet.embeddings.memory.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the runbook chunks in the memory store in step with a set of Markdown files: a file whose
 * content hash changed is re-chunked and re-embedded, an unchanged one costs nothing, a deleted one
 * is dropped.
 */
public final class RunbookIngester {
  private static final Logger log = LoggerFactory.getLogger(RunbookIngester.class);

  private final MemoryStore store;

  /** Ingests into {@code store}'s runbook collection. */
  public RunbookIngester(MemoryStore store) {
    this.store = store;
  }

  /**
   * What one sync did.
   *
   * @param added files new to the store
   * @param updated files whose content changed
   * @param unchanged files skipped because their hash matched
   * @param removed files no longer present
   * @param chunks sections embedded in this sync
   */
  public record Report(int added, int updated, int unchanged, int removed, int chunks) {
    /** Whether the store changed. */
    public boolean changed() {
      return added + updated + removed > 0;
    }
  }

  /** Brings the store in line with {@code files} (name → Markdown). */
  public Report sync(Map<String, String> files) {
    return sync(files, done -> {});
  }

  /**
   * As above, telling {@code filesDone} how many files are in step after each one, so a question
   * asked meanwhile can say how far indexing has got.
   */
  public Report sync(Map<String, String> files, IntConsumer filesDone) {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int chunks = 0;
    for (Map.Entry<String, String> file : files.entrySet()) {
      String name = file.getKey();
      String hash = sha256(file.getValue());
      Optional<String> stored = store.sourceHash(MemoryKind.RUNBOOK, name);
      if (stored.isPresent() && sameHash(stored.get(), hash)) {
        unchanged++;
        filesDone.accept(added + updated + unchanged);
        continue;
      }
      List<NewMemory> sections =
          RunbookChunker.chunk(name, file.getValue()).stream()
              .map(RunbookIngester::toMemory)
              .toList();
      store.replaceSource(MemoryKind.RUNBOOK, name, hash, sections);
      chunks += sections.size();
      if (stored.isPresent()) {
        updated++;
      } else {
        added++;
      }
      filesDone.accept(added + updated + unchanged);
    }
    int removed = store.removeSourcesExcept(MemoryKind.RUNBOOK, files.keySet());
    Report report = new Report(added, updated, unchanged, removed, chunks);
    if (report.changed()) {
      log.info(
          "runbooks: {} added, {} updated, {} unchanged, {} removed ({} sections embedded)",
          added,
          updated,
          unchanged,
          removed,
          chunks);
    }
    return report;
  }

  private static NewMemory toMemory(RunbookChunk chunk) {
    String title =
        chunk.heading().isEmpty() ? chunk.title() : chunk.title() + " › " + chunk.heading();
    // the source is the file itself, so a changed file's chunks are replaced together
    return new NewMemory(
        MemoryKind.RUNBOOK,
        chunk.searchText(),
        title,
        chunk.file(),
        Scope.global(),
        null,
        null,
        null);
  }

  /** Constant-time, though nothing secret rides on it: keeps the security scan's rule simple. */
  private static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
