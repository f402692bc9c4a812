package dev.jamiescarlet.bot.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.jamiescarlet.tools.redaction.Redactor;

/** The stack trace of the text log format, redacted: exception messages quote URLs and headers. */
public final class RedactingThrowableConverter extends ThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return Redactor.get().redact(super.throwableProxyToString(proxy));
  }
}
