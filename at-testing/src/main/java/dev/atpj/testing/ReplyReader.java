package dev.atpj.testing;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits what an atServer or atDirectory writes into payload lines and prompts, remembering the
 * last prompt. See {@link WireClient} for the framing.
 */
final class ReplyReader {
  /** Longest atSign name in a prompt, in UTF-8 bytes (55 code points of up to 4 bytes). */
  private static final int MAX_PROMPT_NAME_BYTES = 55 * 4;

  /** A full prompt at the start of a line ({@code @alice@data:...}, {@code @data:...}). */
  private static final Pattern LEADING_PROMPT = Pattern.compile("^@(?:[^@:\\s]+@)?");

  /** The rest of a prompt whose first byte arrived alone ({@code alice@data:...}). */
  private static final Pattern PROMPT_TAIL = Pattern.compile("^[^@:\\s]+@");

  private final DeadlineReader reader;
  private final int maxLineBytes;
  private String lastPrompt;
  private boolean promptMayBeTruncated;

  ReplyReader(DeadlineReader reader, int maxLineBytes) {
    this.reader = reader;
    this.maxLineBytes = maxLineBytes;
  }

  String lastPrompt() {
    return lastPrompt;
  }

  /**
   * Reads {@code @} or {@code @name@}. After the first {@code @} it only continues with bytes that
   * have already arrived; once a name has started it waits for its closing {@code @}.
   */
  String readPrompt(long deadline) {
    reader.require(0, deadline, "a prompt");
    if (reader.peek(0) != '@') {
      throw new AssertionError("expected a prompt '@' but got: " + reader.pending());
    }
    int offset = 1;
    while (true) {
      if (offset == 1 && !reader.hasNow(offset)) {
        // Nothing more has arrived: the bare prompt. If it was really the first byte of
        // "@alice@" split across TLS records, readLine strips the rest later.
        promptMayBeTruncated = true;
        return remember(take(1));
      }
      reader.require(offset, deadline, "the end of a prompt");
      int next = reader.peek(offset);
      if (next == '@') {
        promptMayBeTruncated = false;
        return remember(take(offset == 1 ? 1 : offset + 1));
      }
      if (next == ':' || Character.isWhitespace(next) || offset > MAX_PROMPT_NAME_BYTES) {
        promptMayBeTruncated = false;
        return remember(take(1)); // "@" followed by the next payload (pipelined replies)
      }
      offset++;
    }
  }

  /** Reads up to {@code \n}, drops {@code \r\n}/{@code \n} and a leading prompt. */
  String readLine(long deadline) {
    int offset = 0;
    while (true) {
      if (offset >= maxLineBytes) {
        throw new AssertionError("line longer than " + maxLineBytes + " bytes");
      }
      reader.require(offset, deadline, "a line ending in \\n");
      if (reader.peek(offset) == '\n') {
        break;
      }
      offset++;
    }
    String line = take(offset + 1);
    int end = line.length() - 1;
    if (end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    return stripPrompt(line.substring(0, end));
  }

  /** True on end of stream or reset; false when data is (or becomes) available or time runs out. */
  boolean isClosed(long deadline) {
    if (reader.buffered() > 0) {
      return false;
    }
    try {
      return !reader.await(0, deadline);
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset, or closed without close_notify
    }
  }

  private String stripPrompt(String line) {
    Matcher tail = PROMPT_TAIL.matcher(line);
    if (promptMayBeTruncated && tail.find()) {
      promptMayBeTruncated = false;
      remember("@" + tail.group());
      return line.substring(tail.end());
    }
    promptMayBeTruncated = false;
    Matcher leading = LEADING_PROMPT.matcher(line);
    if (leading.find()) {
      remember(leading.group());
      return line.substring(leading.end());
    }
    return line;
  }

  private String take(int count) {
    return new String(reader.take(count), StandardCharsets.UTF_8);
  }

  private String remember(String prompt) {
    lastPrompt = prompt;
    return prompt;
  }
}
