package dev.jamiescarlet.bot.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import dev.jamiescarlet.tools.redaction.Redactor;
import net.logstash.logback.mask.ValueMasker;

/**
 * Redacts every string value of the JSON log format (message, stack trace, MDC and arguments) with
 * the one redactor.
 */
public final class RedactingValueMasker implements ValueMasker {

  @Override
  public Object mask(JsonStreamContext context, Object value) {
    if (value instanceof CharSequence text) {
      String original = text.toString();
      String redacted = Redactor.get().redact(original);
      // null tells the encoder to keep the value as it is
      return redacted.equals(original) ? null : redacted;
    }
    return null;
  }
}
