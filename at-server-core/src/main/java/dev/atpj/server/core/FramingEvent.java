package dev.atpj.server.core;

/**
 * What the line framing reports besides well-formed lines, so the session can answer it instead of
 * an exception escaping.
 */
public enum FramingEvent {
  /** A line grew past the connection's limit; the rest of it is discarded. */
  LINE_TOO_LONG,
  /** A line was not valid UTF-8; it is dropped. */
  INVALID_UTF8
}
