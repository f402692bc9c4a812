package dev.jamiescarlet.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Fuzz target for the webhook readers (Alertmanager, Grafana, Argo CD, stored Kubernetes events):
 * any body is a batch the store can hold, or a 400 that says why. Seeds replay in every build.
 */
class PayloadsFuzzTest {
  private static final AlertSource[] SOURCES = AlertSource.values();

  @FuzzTest
  void parseGivesABatchOrA400(byte[] input) {
    // given a body for the source named by the first byte
    if (input.length == 0) {
      return;
    }
    AlertSource source = SOURCES[Byte.toUnsignedInt(input[0]) % SOURCES.length];
    byte[] body = Arrays.copyOfRange(input, 1, input.length);

    // when parsed
    AlertBatch batch;
    try {
      batch = Payloads.parse(source, body);
    } catch (HookException e) {
      // then a refusal is a 400 that names what to fix
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.getMessage()).isNotBlank();
      return;
    }

    // then a batch is complete and every alert can be written as the store writes it
    assertThat(batch.source()).isEqualTo(source);
    assertThat(batch.groupKey()).isNotBlank();
    assertThat(batch.title()).isNotNull();
    for (Alert a : batch.alerts()) {
      assertThat(a.fingerprint()).isNotBlank();
      Document stored =
          new Document("fingerprint", a.fingerprint())
              .append("labels", new Document(new LinkedHashMap<String, Object>(a.labels())))
              .append(
                  "annotations", new Document(new LinkedHashMap<String, Object>(a.annotations())));
      assertThatCode(() -> new RawBsonDocument(stored, new DocumentCodec()))
          .as("alert %s of %s is storable in BSON", a.fingerprint(), source)
          .doesNotThrowAnyException();
      assertThat(nonNull(a.labels())).isTrue();
    }
  }

  private static boolean nonNull(Map<String, String> map) {
    return map.entrySet().stream().allMatch(e -> e.getKey() != null && e.getValue() != null);
  }
}
