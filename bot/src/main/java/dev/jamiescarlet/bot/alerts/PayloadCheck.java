package dev.jamiescarlet.bot.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.BSONException;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Refuses at the hook, with a 400 naming the field, a delivery whose alerts MongoDB could never
 * store, so it is never answered 200 and then stuck.
 */
final class PayloadCheck {
  /** MongoDB's largest document. */
  static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

  private static final DocumentCodec CODEC = new DocumentCodec();

  private PayloadCheck() {}

  /** Passes, or throws a 400 saying which name cannot be stored and why. */
  static void storable(AlertBatch batch) {
    List<Document> alerts = new ArrayList<>();
    for (int i = 0; i < batch.alerts().size(); i++) {
      Alert a = batch.alerts().get(i);
      names(a.labels(), "alerts[" + i + "].labels");
      names(a.annotations(), "alerts[" + i + "].annotations");
      alerts.add(
          new Document("fingerprint", a.fingerprint())
              .append("labels", StoredKeys.document(a.labels()))
              .append("annotations", StoredKeys.document(a.annotations()))
              .append("url", a.url()));
    }
    // the same names and values as the group will hold, through the same encoder
    try {
      RawBsonDocument raw =
          new RawBsonDocument(
              new Document("_id", batch.groupId())
                  .append("title", batch.title())
                  .append("alerts", alerts),
              CODEC);
      if (raw.getByteBuffer().remaining() > MAX_DOCUMENT_BYTES) {
        throw HookException.badRequest("the alerts are larger than MongoDB's 16 MB document limit");
      }
    } catch (BSONException e) {
      throw HookException.badRequest(
          "the alerts cannot be stored in MongoDB (" + AlertFaults.describe(e) + ")");
    }
  }

  // the parser's own check: a batch built elsewhere gets the same refusal
  private static void names(Map<String, String> map, String where) {
    for (String name : map.keySet()) {
      PayloadJson.key(name, where);
    }
  }
}
