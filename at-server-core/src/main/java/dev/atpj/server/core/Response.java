package dev.atpj.server.core;

/**
 * What a session writes back for one input line.
 *
 * @param text the exact text to write (the session adds its own line endings and prompt), or {@code
 *     null} to write nothing
 * @param closeAfter whether to close the connection once the text is written
 */
public record Response(String text, boolean closeAfter) {
  private static final Response NONE = new Response(null, false);
  private static final Response CLOSE = new Response(null, true);

  /** Write this text and keep the connection open. */
  public static Response of(String text) {
    return new Response(text, false);
  }

  /** Write this text, then close the connection. */
  public static Response thenClose(String text) {
    return new Response(text, true);
  }

  /** Write nothing; the connection stays open. */
  public static Response none() {
    return NONE;
  }

  /** Write nothing and close the connection. */
  public static Response close() {
    return CLOSE;
  }
}
