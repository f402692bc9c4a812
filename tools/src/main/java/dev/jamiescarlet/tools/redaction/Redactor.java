package dev.jamiescarlet.tools.redaction;

/**
 * Removes credentials from text before it reaches a model, Slack, logs or traces: the one redaction
 * layer. Stateless and thread-safe; every scanner is a hand-written single pass, so the cost is
 * linear in the input and hostile input cannot make it backtrack.
 */
public final class Redactor {
  private static final Redactor INSTANCE = new Redactor();

  private Redactor() {}

  /** The shared instance; there is nothing to configure. */
  public static Redactor get() {
    return INSTANCE;
  }

  /** The text with every secret replaced by a {@code [REDACTED:kind]} marker; null stays null. */
  public String redact(String text) {
    return text == null ? null : scan(text).text();
  }

  /** The redacted text plus how many secrets of each kind it held. */
  public Redaction scan(String text) {
    Findings findings = new Findings();
    // PEM first: a key block must go whole, before other scanners cut it into pieces
    String out = PemScanner.apply(text, findings);
    out = TokenScanner.apply(out, findings);
    out = AwsSecretScanner.apply(out, findings);
    out = UrlScanner.apply(out, findings);
    out = HeaderScanner.apply(out, findings);
    out = KeyValueScanner.apply(out, findings);
    out = EnvListScanner.apply(out, findings);
    // last: a value the key scanners already took is a marker, which plain words leave alone
    out = PhraseScanner.apply(out, findings);
    return new Redaction(out, findings.counts());
  }
}
