package dev.jamiescarlet.tools.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The redaction corpus: zero leaks on the secrets, zero changes to the everyday lines. */
class RedactionCorpusTest {
  private static final Logger LOG = LoggerFactory.getLogger(RedactionCorpusTest.class);

  private final Redactor redactor = Redactor.get();

  @Test
  void noSecretSurvives() {
    // given
    List<Corpus.Case> cases = Corpus.secrets();
    List<String> leaks = new ArrayList<>();

    // when
    for (Corpus.Case c : cases) {
      Redaction r = redactor.scan(c.input());
      if (r.text().contains(c.secret()) || r.clean()) {
        leaks.add(c.input() + "\n    → " + r.text());
      }
    }

    // then
    LOG.info("redaction corpus: {} secret cases, {} leaks", cases.size(), leaks.size());
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    assertThat(leaks).as("leaked secrets").isEmpty();
  }

  @Test
  void everydayLinesStayUnchanged() {
    // given
    List<String> lines = Corpus.negatives();
    List<String> changed = new ArrayList<>();

    // when
    for (String line : lines) {
      String out = redactor.redact(line);
      if (!out.equals(line)) {
        changed.add(line + "\n    → " + out);
      }
    }

    // then
    LOG.info(
        "redaction corpus: {} negative cases, {} false positives", lines.size(), changed.size());
    assertThat(lines).hasSizeGreaterThanOrEqualTo(40);
    assertThat(changed).as("false positives").isEmpty();
  }

  @Test
  void redactingTwiceChangesNothingMore() {
    // given
    for (Corpus.Case c : Corpus.secrets()) {
      String once = redactor.redact(c.input());

      // when
      Redaction twice = redactor.scan(once);

      // then
      assertThat(twice.text()).as(c.input()).isEqualTo(once);
      assertThat(twice.clean()).as(c.input()).isTrue();
    }
  }
}
