package dev.jamiescarlet.embeddings.memory;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The stored form of a memory and the filters over it, shared by both search paths. */
final class MemoryDocuments {
  static final String ID = "_id";
  static final String TEXT = "text";
  static final String TITLE = "title";
  static final String SOURCE = "source";
  static final String SCOPE = "scope";
  static final String CLUSTER = "cluster";
  static final String AUTHOR = "author";
  static final String CREATED = "created";
  static final String EXPIRES = "expires";
  static final String EMBEDDING = "embedding";

  private MemoryDocuments() {}

  static Document toDocument(String id, NewMemory m, Instant created, float[] unit) {
    Document doc =
        new Document(ID, id)
            .append(TEXT, m.text())
            .append(TITLE, m.title())
            .append(SOURCE, m.source())
            .append(SCOPE, m.scope().key())
            .append(CREATED, Date.from(created));
    if (m.cluster() != null) {
      doc.append(CLUSTER, m.cluster());
    }
    if (m.author() != null) {
      doc.append(AUTHOR, m.author());
    }
    if (m.expires() != null) {
      doc.append(EXPIRES, Date.from(m.expires()));
    }
    return doc.append(EMBEDDING, Vectors.toDoubles(unit));
  }

  static Memory toMemory(MemoryKind kind, Document doc) {
    Date created = doc.getDate(CREATED);
    Date expires = doc.getDate(EXPIRES);
    return new Memory(
        doc.getString(ID),
        kind,
        doc.getString(TEXT),
        doc.get(TITLE, ""),
        doc.get(SOURCE, ""),
        Scope.parse(doc.getString(SCOPE)),
        doc.getString(CLUSTER),
        doc.getString(AUTHOR),
        created == null ? Instant.EPOCH : created.toInstant(),
        expires == null ? null : expires.toInstant());
  }

  /** The unit vector stored with a memory, or null when it is missing. */
  static float[] embedding(Document doc) {
    List<?> values = doc.getList(EMBEDDING, Object.class);
    return values == null ? null : Vectors.fromNumbers(values);
  }

  /** Everything but the vector, which callers of search and list never need. */
  static Bson withoutEmbedding() {
    return new Document(EMBEDDING, 0);
  }

  static Bson notExpired(Instant now) {
    // a missing field equals null, so memories without an expiry match the first branch
    return Filters.or(Filters.eq(EXPIRES, null), Filters.gt(EXPIRES, Date.from(now)));
  }

  static Bson expired(Instant now) {
    return Filters.lte(EXPIRES, Date.from(now));
  }

  /** Memories on {@code cluster} or on none; everything when {@code cluster} is null. */
  static Bson onCluster(String cluster) {
    return cluster == null
        ? new Document()
        : Filters.or(Filters.eq(CLUSTER, null), Filters.eq(CLUSTER, cluster));
  }
}
