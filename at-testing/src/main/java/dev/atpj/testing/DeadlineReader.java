package dev.atpj.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Buffered reading from a socket where every blocking wait ends at a deadline. Bytes can be peeked
 * before they are consumed, so a reader can look ahead without losing data.
 */
final class DeadlineReader {
  private static final int CHUNK = 8192;

  private final Socket socket;
  private final InputStream in;
  private byte[] buffer = new byte[CHUNK];
  private int start;
  private int end;

  DeadlineReader(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** Bytes buffered and not yet consumed. */
  int buffered() {
    return end - start;
  }

  /** Byte at {@code offset} past the read position; the caller ensured it is buffered. */
  int peek(int offset) {
    return buffer[start + offset] & 0xff;
  }

  /** Consumes {@code count} buffered bytes and returns them. */
  byte[] take(int count) {
    byte[] bytes = Arrays.copyOfRange(buffer, start, start + count);
    start += count;
    return bytes;
  }

  /** Buffered bytes as text, for failure messages. */
  String pending() {
    return new String(buffer, start, end - start, StandardCharsets.UTF_8);
  }

  /**
   * Makes sure {@code offset} is buffered without blocking: reads only what the socket already
   * holds (for TLS, what is already decrypted).
   */
  boolean hasNow(int offset) {
    if (offset < buffered()) {
      return true;
    }
    try {
      while (offset >= buffered() && in.available() > 0) {
        if (fillOnce(0) < 0) {
          return false;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return offset < buffered();
  }

  /**
   * Makes sure {@code offset} is buffered, blocking until the deadline.
   *
   * @return false on end of stream
   * @throws SocketTimeoutException when the deadline passes first
   */
  boolean await(int offset, long deadlineNanos) throws IOException {
    while (offset >= buffered()) {
      long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
      if (remainingMillis <= 0) {
        throw new SocketTimeoutException("deadline passed");
      }
      if (fillOnce((int) Math.min(Integer.MAX_VALUE, remainingMillis)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Like {@link #await} but failing loudly; for callers that need the byte. */
  void require(int offset, long deadlineNanos, String waitingFor) {
    try {
      if (!await(offset, deadlineNanos)) {
        throw new AssertionError(
            "connection closed by server while waiting for " + waitingFor + "; got: " + pending());
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("timed out waiting for " + waitingFor + "; got: " + pending(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + waitingFor, e);
    }
  }

  private int fillOnce(int timeoutMillis) throws IOException {
    if (start > 0 && start == end) {
      start = 0;
      end = 0;
    }
    if (end == buffer.length) {
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
      } else {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
    }
    socket.setSoTimeout(timeoutMillis);
    int count = in.read(buffer, end, buffer.length - end);
    if (count > 0) {
      end += count;
    }
    return count;
  }
}
