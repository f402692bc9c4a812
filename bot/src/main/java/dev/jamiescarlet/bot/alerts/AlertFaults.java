package dev.jamiescarlet.bot.alerts;

import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a failure that passes (MongoDB unreachable, slow, stopping: retry later) from one that
 * comes back every time for the same input (set the input aside), and words it for a person.
 */
final class AlertFaults {
  private static final int MAX_REASON = 300;

  private AlertFaults() {}

  /** Whether {@code e} (or a cause) is an outage rather than something wrong with the input. */
  static boolean passing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoSocketException
          || t instanceof MongoTimeoutException
          || t instanceof MongoOperationTimeoutException
          || t instanceof MongoExecutionTimeoutException
          || t instanceof MongoInterruptedException
          || t instanceof MongoNotPrimaryException
          || t instanceof MongoNodeIsRecoveringException
          // the client is closed: the bot is stopping, the next start retries
          || t instanceof IllegalStateException) {
        return true;
      }
      if (t instanceof MongoException m
          && (m.hasErrorLabel("RetryableWriteError")
              || m.hasErrorLabel("TransientTransactionError"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** {@code e}'s first line, control characters shown as {@code \\uXXXX}, clipped. */
  static String describe(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return printable(nl < 0 ? m : m.substring(0, nl));
  }

  /** {@code s} with control characters spelled out (a NUL shows as {@code \\u0000}), clipped. */
  static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < MAX_REASON; ) {
      int c = s.codePointAt(i);
      if (Character.isISOControl(c)
          || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out.length() < MAX_REASON ? out.toString() : out + "…";
  }
}
