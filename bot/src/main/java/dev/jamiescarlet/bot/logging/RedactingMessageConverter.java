package dev.jamiescarlet.bot.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.jamiescarlet.tools.redaction.Redactor;

/** The {@code %msg} of the text log format, with every secret replaced by the one redactor. */
public final class RedactingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Redactor.get().redact(super.convert(event));
  }
}
