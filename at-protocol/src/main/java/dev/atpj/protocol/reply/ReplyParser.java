package dev.atpj.protocol.reply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atpj.protocol.AtErrorCode;
import dev.atpj.protocol.AtException;
import dev.atpj.protocol.internal.Json;

/**
 * The one place a client turns reply text into data or an {@link AtException} (docs/protocol.md B2,
 * C3). It accepts {@code data:…}, {@code error:ATxxxx-desc : detail}, {@code error:ATxxxx:desc},
 * JSON errors and {@code notification:…}, each optionally preceded by the prompt the previous reply
 * left behind ({@code @} or {@code @alice@}). Instances hold no state and may be shared.
 */
public final class ReplyParser {
  private static final String DATA = "data:";
  private static final String ERROR = "error:";
  private static final String NOTIFICATION = "notification:";

  /** A parser. */
  public ReplyParser() {}

  /**
   * Parses one reply line.
   *
   * @param line the line without its line ending (a trailing {@code \r} is ignored)
   * @return the reply
   * @throws AtException {@link AtErrorCode#CLIENT_EXCEPTION} when the line is not a reply
   */
  public Reply parse(String line) {
    if (line == null) {
      throw notAReply("no reply");
    }
    String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    int start = markerStart(text);
    if (start < 0) {
      throw notAReply(text);
    }
    if (text.startsWith(DATA, start)) {
      return new DataReply(text.substring(start + DATA.length()));
    }
    if (text.startsWith(NOTIFICATION, start)) {
      return new NotificationReply(text.substring(start + NOTIFICATION.length()).stripLeading());
    }
    return ErrorText.parse(text.substring(start + ERROR.length()));
  }

  /**
   * Parses a reply that should carry data.
   *
   * @param line the reply line
   * @return the payload after {@code data:}
   * @throws AtException the server's error for an error reply, or {@link
   *     AtErrorCode#CLIENT_EXCEPTION} when the line is not a data reply
   */
  public String data(String line) {
    Reply reply = parse(line);
    if (reply instanceof DataReply data) {
      return data.payload();
    }
    if (reply instanceof ErrorReply error) {
      throw error.toException();
    }
    throw notAReply(line);
  }

  /**
   * Removes the prompts previous replies left at the start of a line: one ({@code @data:ok},
   * {@code @alice@error:…}) or several, as after a {@code pol} whose success is a bare prompt
   * ({@code @@bob@data:x}). A line without a reply marker after its prompts is returned unchanged.
   *
   * @param line a reply line
   * @return the line from its {@code data:}, {@code error:} or {@code notification:} marker on
   */
  public static String stripPrompt(String line) {
    int start = markerStart(line);
    return start <= 0 ? line : line.substring(start);
  }

  /** Where the marker starts: at 0, or after the prompts before it; else -1. */
  private static int markerStart(String text) {
    int at = 0;
    while (!hasMarker(text, at)) {
      at = afterPrompt(text, at);
      if (at < 0) {
        return -1;
      }
    }
    return at;
  }

  /** Where the text after a prompt ({@code @} or {@code @name@}) starting at {@code at} is; -1. */
  private static int afterPrompt(String text, int at) {
    if (!text.startsWith("@", at)) {
      return -1;
    }
    if (hasMarker(text, at + 1) || text.startsWith("@", at + 1)) {
      return at + 1;
    }
    int second = text.indexOf('@', at + 1);
    if (second > at + 1 && !hasWhitespace(text, at + 1, second)) {
      return second + 1;
    }
    return -1;
  }

  private static boolean hasMarker(String text, int at) {
    return text.startsWith(DATA, at)
        || text.startsWith(ERROR, at)
        || text.startsWith(NOTIFICATION, at);
  }

  private static boolean hasWhitespace(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static AtException notAReply(String text) {
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    return new AtException(AtErrorCode.CLIENT_EXCEPTION, "invalid response from server: " + shown);
  }

  /** Reads the text after {@code error:} in any of the formats servers use. */
  private static final class ErrorText {
    private ErrorText() {}

    static ErrorReply parse(String body) {
      String text = body.strip();
      if (text.startsWith("{")) {
        return json(text);
      }
      int dash = text.indexOf('-');
      int colon = text.indexOf(':');
      int sep = dash < 0 ? colon : colon < 0 ? dash : Math.min(dash, colon);
      String code = sep < 0 ? text : text.substring(0, sep).strip();
      String rest = sep < 0 ? "" : text.substring(sep + 1).strip();
      return reply(code, rest);
    }

    private static ErrorReply json(String text) {
      try {
        JsonNode node = Json.parseObject(text, "error");
        return reply(node.path("errorCode").asText(""), node.path("errorDescription").asText(""));
      } catch (AtException e) {
        return new ErrorReply(AtErrorCode.SERVER_EXCEPTION, text);
      }
    }

    private static ErrorReply reply(String rawCode, String description) {
      AtErrorCode code = AtErrorCode.fromCode(rawCode).orElse(null);
      if (code == null) {
        String detail = rawCode.isEmpty() ? description : rawCode + ": " + description;
        return new ErrorReply(AtErrorCode.SERVER_EXCEPTION, detail);
      }
      String standard = code.description() + " : ";
      if (description.startsWith(standard)) {
        return new ErrorReply(code, description.substring(standard.length()));
      }
      return new ErrorReply(code, description.equals(code.description()) ? "" : description);
    }
  }
}
