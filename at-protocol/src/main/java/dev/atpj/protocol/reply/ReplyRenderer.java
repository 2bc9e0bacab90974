package dev.atpj.protocol.reply;

import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.internal.Json;
import java.util.Objects;

/**
 * The only code that writes {@code data:}, {@code error:} and {@code notification:} lines
 * (docs/protocol.md A2, A3, B1, B2). Results carry no line ending and no prompt: the server appends
 * {@code \n} and the prompt.
 *
 * <p>Error details are sanitised: control and line-separator characters become spaces, broken
 * surrogates become {@code ?}, {@code data:} becomes {@code data :} (at_java looks for {@code
 * data:} anywhere in a line before it looks for {@code error:}), and the detail is cut to {@value
 * #MAX_DETAIL_LENGTH} characters. Instances hold no state and may be shared.
 */
public final class ReplyRenderer {
  /** The longest error detail written, in characters. */
  public static final int MAX_DETAIL_LENGTH = 500;

  private static final char LINE_SEPARATOR = 0x2028;
  private static final char PARAGRAPH_SEPARATOR = 0x2029;

  /** A renderer. */
  public ReplyRenderer() {}

  /**
   * A data reply.
   *
   * @param payload the result; null gives {@code data:null}. It is always prefixed, even when it
   *     starts with {@code data:} itself (a stored value may), so no value loses its text.
   * @return {@code data:<payload>}
   */
  public String data(String payload) {
    return "data:" + payload;
  }

  /**
   * The {@code stats} reply, which has a space after {@code data:} (B1).
   *
   * @param json the statistics JSON
   * @return {@code data: <json>}
   */
  public String statsData(String json) {
    return "data: " + json;
  }

  /**
   * A notification line for a monitoring connection (B11).
   *
   * @param json the notification JSON
   * @return {@code notification: <json>}
   */
  public String notification(String json) {
    return "notification: " + json;
  }

  /**
   * An error reply.
   *
   * @param error the failure
   * @param format the connection's error format
   * @return {@code error:ATxxxx-<description> : <detail>} or the JSON form
   */
  public String error(AtException error, ErrorFormat format) {
    return error(error.code(), error.detail(), format);
  }

  /**
   * An error reply.
   *
   * @param code the error code
   * @param detail the detail, may be null or empty (the description is repeated then, so the reply
   *     always contains {@code " : "})
   * @param format the connection's error format
   * @return {@code error:ATxxxx-<description> : <detail>} or the JSON form
   */
  public String error(AtErrorCode code, String detail, ErrorFormat format) {
    Objects.requireNonNull(code, "code");
    String text = code.description() + " : " + sanitise(detail, code.description());
    if (format == ErrorFormat.JSON) {
      return "error:"
          + Json.render(
              g -> {
                g.writeStartObject();
                g.writeStringField("errorCode", code.code());
                g.writeStringField("errorDescription", text);
                g.writeEndObject();
              });
    }
    return "error:" + code.code() + "-" + text;
  }

  /** The detail made safe for one reply line; {@code fallback} when nothing is left. */
  static String sanitise(String detail, String fallback) {
    if (detail == null) {
      return fallback;
    }
    StringBuilder out = new StringBuilder(Math.min(detail.length(), MAX_DETAIL_LENGTH + 3));
    int i = 0;
    while (i < detail.length() && out.length() < MAX_DETAIL_LENGTH) {
      char c = detail.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < detail.length()
              && Character.isLowSurrogate(detail.charAt(i + 1));
      if (pair) {
        if (out.length() + 2 > MAX_DETAIL_LENGTH) {
          break;
        }
        out.append(c).append(detail.charAt(i + 1));
        i += 2;
        continue;
      }
      if (Character.isSurrogate(c)) {
        out.append('?');
      } else if (Character.isISOControl(c) || c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR) {
        out.append(' ');
      } else {
        out.append(c);
      }
      i++;
    }
    if (i < detail.length()) {
      out.append("...");
    }
    String safe = out.toString().replace("data:", "data :").strip();
    return safe.isEmpty() ? fallback : safe;
  }
}
