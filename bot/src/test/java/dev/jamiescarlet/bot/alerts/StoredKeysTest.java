package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Label names reach MongoDB without path or operator syntax and read back as sent. */
class StoredKeysTest {

  @Test
  void dotsDollarsAndPercentsRoundTripAndNeverReachMongoDb() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("service.name", "a");
    labels.put("$where", "b");
    labels.put("100%2E", "c");
    labels.put("plain", "d");

    Document stored = StoredKeys.document(labels);

    assertThat(stored.keySet()).noneMatch(k -> k.contains(".") || k.contains("$"));
    assertThat(stored.keySet()).contains("plain", "service%2Ename", "%24where", "100%252E");
    assertThat(StoredKeys.labels(stored)).isEqualTo(labels);
  }

  @Test
  void namesStoredBeforeTheEncodingReadBackUnchanged() {
    assertThat(StoredKeys.decode("50%ile")).isEqualTo("50%ile");
    assertThat(StoredKeys.decode("a%")).isEqualTo("a%");
  }
}
